"""``{% consultation_section page %}``: the consultation under a guideline or
policy paper: its questions and the response form while it is open, the
published responses with counts by respondent type and country, and after
closing the summary and "what changed"."""

from collections import Counter

from django import template
from django.db.models import Count
from django.utils.translation import get_language
from django_countries import countries

from consultation.models import (
    Consent,
    Consultation,
    ConsultationResponse,
    OrganisationType,
    ResponseStatus,
)
from consultation.sections import document_sections

register = template.Library()
SHOWN_RESPONSES = 100


def current_consultation(page):
    """The newest consultation on ``page`` (any language version of it), in
    the active language if translated. One query."""
    rows = list(
        Consultation.objects.filter(page__translation_key=page.translation_key)
        .select_related("locale")
        .order_by("-opens_on", "pk")
    )
    if not rows:
        return None
    key = rows[0].translation_key
    versions = [row for row in rows if row.translation_key == key]
    active = get_language()
    for row in versions:
        if row.locale.language_code == active:
            return row
    return versions[0]


def profile_counts(approved):
    """Counts by respondent type and by country, from one grouped query."""
    by_type, by_country = Counter(), Counter()
    rows = approved.values_list("organisation_type", "country").annotate(n=Count("pk"))
    for kind, country, n in rows.order_by():
        by_type[kind] += n
        by_country[country] += n
    return by_type, by_country


def labelled(counter, labels):
    rows = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return [{"label": labels.get(key, "") or "—", "count": n} for key, n in rows]


def consulted_keys(request) -> frozenset:
    """The translation keys of the pages that have a consultation, kept
    until a consultation is saved or deleted (a publish elsewhere does not
    renew them): a page without one, most pages, then costs no query."""
    from core.chrome import remembered

    def compute():
        keys = Consultation.objects.values_list("page__translation_key", flat=True)
        return frozenset(keys.distinct().order_by())

    return remembered(request, "consulted", compute, part="consultations")


@register.inclusion_tag("consultation/includes/section.html", takes_context=True)
def consultation_section(context, page):
    request = context.get("request")
    if request is not None and page.translation_key not in consulted_keys(request):
        return {"consultation": None}
    consultation = current_consultation(page)
    if consultation is None:
        return {"consultation": None}
    from consultation.views import build_form

    approved = ConsultationResponse.objects.filter(
        consultation__translation_key=consultation.translation_key,
        status=ResponseStatus.APPROVED,
    )
    by_type, by_country = profile_counts(approved)
    total = sum(by_type.values())
    type_names, country_names = dict(OrganisationType.choices), dict(countries)
    public = []
    if total:
        titles = dict(document_sections(page))
        questions = dict(consultation.question_list())
        rows = approved.exclude(consent=Consent.PRIVATE).order_by("created_at", "pk")
        for row in rows[:SHOWN_RESPONSES]:
            public.append(
                {
                    "response": row,
                    "section": titles.get(row.section, row.section_title),
                    "organisation_type": type_names.get(row.organisation_type, ""),
                    "country": country_names.get(row.country.code or "", ""),
                    "answers": [
                        (questions[key], text)
                        for key, text in row.answers.items()
                        if key in questions
                    ],
                }
            )
    state = consultation.state()
    form = None
    if state == "open":
        from consultation.forms import sector_choices
        from core.chrome import remembered

        language = get_language()
        sectors = None
        if request is not None:  # kept until a sector changes (Sector.chrome_part)
            sectors = remembered(
                request, f"sectors:{language}", lambda: sector_choices(language), part="sectors"
            )
        form = build_form(consultation, page, language, sectors=sectors)
    return {
        "request": request,
        "consultation": consultation,
        "document": page,
        "state": state,
        "form": form,
        "responses": public,
        "total": total,
        "by_type": labelled(by_type, type_names),
        "by_country": labelled(by_country, country_names),
    }


@register.simple_tag(takes_context=True)
def consultation_badge(context, page):
    """Whether ``page`` (a search result) carries a consultation, and its
    state and dates. The first call looks up every result of the page in one
    query (from the search page's ``outcome``) and keeps them on the request."""
    from consultation.search import badges

    if page is None:
        return None
    request = context.get("request")
    known = getattr(request, "_consultation_badges", None)
    if known is None:
        known = {"seen": set(), "found": {}}
        if request is not None:
            request._consultation_badges = known
    if page.pk not in known["seen"]:
        pages = {page.pk: page}
        outcome = context.get("outcome")
        for result in [*getattr(outcome, "promoted", []), *getattr(outcome, "results", [])]:
            other = getattr(result, "page", None)
            if other is not None and other.pk not in known["seen"]:
                pages[other.pk] = other
        candidates = pages.values()
        if request is not None:  # only pages that have a consultation need the query
            consulted = consulted_keys(request)
            candidates = [p for p in candidates if p.translation_key in consulted]
        known["found"].update(badges(candidates))
        known["seen"].update(pages)
    return known["found"].get(page.pk)
