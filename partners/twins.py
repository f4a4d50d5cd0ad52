"""Find a twin: partners in other countries that share a hub's sectors and
themes, or offer services it lacks, ranked, with the reason shown.

Two queries whatever the number of partners: the candidates, and the terms
of the hub and every candidate (``partner_terms``), which also fill the hub
profile's sectors, themes and services."""

from dataclasses import dataclass, field

from django.db.models import CharField, F, Value

from core.visibility import public

SHARED_WEIGHT = 2
OFFER_WEIGHT = 1
KINDS = ("sectors", "themes", "services")


@dataclass
class Suggestion:
    partner: object
    score: int
    shared: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)


def partner_terms(partner_ids) -> dict[int, dict[str, dict[str, str]]]:
    """``{partner id: {"sectors": {slug: name}, "themes": ..., "services": ...}}``
    for the given partners, names in alphabetical order, in one query."""
    from partners.models import PartnerPage

    parts = []
    for kind in KINDS:
        field = PartnerPage._meta.get_field(kind)
        through = field.remote_field.through
        target = field.m2m_reverse_field_name()
        parts.append(
            through.objects.filter(partnerpage_id__in=partner_ids)
            .order_by()
            .values_list(
                "partnerpage_id",
                Value(kind, output_field=CharField()),
                F(f"{target}__slug"),
                F(f"{target}__name"),
            )
        )
    rows = sorted(parts[0].union(*parts[1:], all=True), key=lambda row: (row[3], row[2]))
    terms = {pk: {kind: {} for kind in KINDS} for pk in partner_ids}
    for partner_id, kind, slug, name in rows:
        terms[partner_id][kind][slug] = name
    return terms


def in_memory_terms(partner):
    """The partner's terms as set on the instance (a preview of a draft),
    or None when they are the saved ones."""
    pending = getattr(partner, "_cluster_related_objects", {})
    if not any(kind in pending for kind in KINDS):
        return None
    return {
        kind: {term.slug: term.name for term in sorted(getattr(partner, kind).all(), key=str)}
        for kind in KINDS
    }


def suggest_twins(hub, limit: int = 5) -> list[Suggestion]:
    from partners.models import PartnerPage

    candidates = list(
        public(
            PartnerPage.objects.live()
            .filter(locale_id=hub.locale_id)
            .exclude(pk=hub.pk)
            .exclude(country=hub.country)
        ).select_related("hubpage", "educationpartnerpage")
    )
    terms = partner_terms([hub.pk, *(partner.pk for partner in candidates)])
    mine = in_memory_terms(hub) or terms[hub.pk]
    hub.__dict__["terms"] = mine  # the profile shows them too
    suggestions = []
    for partner in candidates:
        theirs = terms[partner.pk]
        shared = [
            name
            for kind in ("sectors", "themes")
            for slug, name in theirs[kind].items()
            if slug in mine[kind]
        ]
        offers = [name for slug, name in theirs["services"].items() if slug not in mine["services"]]
        score = SHARED_WEIGHT * len(shared) + OFFER_WEIGHT * len(offers)
        if shared and score:
            suggestions.append(Suggestion(partner, score, sorted(shared), sorted(offers)))
    suggestions.sort(key=lambda s: (-s.score, s.partner.title))
    return suggestions[:limit]
