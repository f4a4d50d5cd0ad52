"""Filtered, paginated listings of knowledge-base pages.

Filters come from the query string so a filtered list is a shareable link:
``?theme=finance&sector=music&country=PT&partner=officina-torino&year=2025
&audience=educators``. Values are slugs or ISO codes; a parameter may repeat
(values of one parameter are alternatives, different parameters must all
hold). Malformed or unknown values make the form invalid: the view answers
400 with the message, never 500.

The number of SQL queries is fixed: it depends on the number of page types in
the listing, never on the number of pages.
"""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, CharField, F, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Coalesce, ExtractYear
from django.db.models.query import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Page

from core.cards import with_pictures
from core.models import Audience, Sector, Theme
from core.visibility import public
from partners.models import PartnerPage

PER_PAGE = 12
FILTER_NAMES = ("theme", "sector", "audience", "country", "partner", "year", "status")
# The status filter: the field that holds a document's status, per page type
# (only listings of these types offer it).
STATUS_FIELDS = {"policypaperpage": "paper_status", "guidelinepage": "testing_status"}
# Per page type: what the cards show, fetched in one query per relation.
CARD_PREFETCH = {
    "policypaperpage": ("themes", "authors"),
    "guidelinepage": ("themes",),
    "casestorypage": ("themes", "sectors"),
    "newspage": ("themes",),
    "eventpage": ("themes",),
}
# Loaded with the page where the listing is of one type.
CARD_SELECT = {
    "policypaperpage": ("document",),
    "guidelinepage": ("document",),
}


class FilterForm(forms.Form):
    theme = forms.MultipleChoiceField(label=_("Theme"), required=False)
    sector = forms.MultipleChoiceField(label=_("Sector"), required=False)
    audience = forms.MultipleChoiceField(label=_("Audience"), required=False)
    country = forms.MultipleChoiceField(label=_("Country"), required=False)
    partner = forms.MultipleChoiceField(label=_("Partner"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    status = forms.MultipleChoiceField(label=_("Status"), required=False)

    def __init__(self, data, *, locale, page_models):
        super().__init__(data)
        self.locale = locale
        self.page_models = page_models
        terms = _term_choices(locale)
        for name in ("theme", "sector", "audience", "partner"):
            self.fields[name].choices = terms[name]
        # The partners themselves only when a partner filter asks for them.
        self.partner_pages = SimpleLazyObject(lambda: _partner_pages(locale))
        self.fields["country"].choices = list(countries)
        self.fields["status"].choices = _status_choices(page_models)
        years, used = _years_and_countries(locale, page_models)
        self.years = sorted(years, reverse=True)
        self.used_countries = [(code, name) for code, name in countries if code in used]

    def clean_country(self):
        return [code.upper() for code in self.cleaned_data["country"]]

    def full_clean(self):
        # The form's "Any" choice submits empty values: drop them. Accept
        # lower-case country codes in shared links.
        if self.data is not None and hasattr(self.data, "getlist"):
            data = self.data.copy()
            for name in FILTER_NAMES:
                values = [v.strip() for v in data.getlist(name) if v.strip()]
                if name == "country":
                    values = [v.upper() for v in values]
                data.setlist(name, values)
            self.data = data
        super().full_clean()

    def facets(self) -> list[dict]:
        """One select per filter: its options and the chosen value, for the
        filter form of the listing."""
        options = {
            "theme": self.fields["theme"].choices,
            "sector": self.fields["sector"].choices,
            "audience": self.fields["audience"].choices,
            "country": self.used_countries,
            "partner": self.fields["partner"].choices,
            "year": [(str(year), str(year)) for year in self.years],
            "status": self.fields["status"].choices,
        }
        chosen = self.data if self.is_bound else {}
        facets = []
        for name in FILTER_NAMES:
            if not options[name]:
                continue
            selected = chosen.getlist(name) if hasattr(chosen, "getlist") else []
            facets.append(
                {
                    "name": name,
                    "label": self.fields[name].label,
                    "options": [
                        {"value": value, "label": label, "selected": value in selected}
                        for value, label in options[name]
                    ],
                }
            )
        return facets

    @property
    def active(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


def _term_choices(locale) -> dict[str, list[tuple[str, str]]]:
    """(slug, name) choices of themes, sectors, audiences and live partners,
    by name, in one query."""
    parts = [
        model.objects.filter(locale=locale)
        .order_by()
        .values_list(Value(name, output_field=CharField()), "slug", "name")
        for name, model in (("theme", Theme), ("sector", Sector), ("audience", Audience))
    ]
    parts.append(
        PartnerPage.objects.live()
        .filter(locale=locale)
        .order_by()
        .values_list(Value("partner", output_field=CharField()), "slug", "title")
    )
    choices = {"theme": [], "sector": [], "audience": [], "partner": []}
    for name, slug, label in sorted(parts[0].union(*parts[1:], all=True), key=lambda r: r[2]):
        choices[name].append((slug, label))
    return choices


def _status_choices(page_models) -> list[tuple[str, str]]:
    """The statuses of the listed types that have one (papers: draft,
    piloted, final; guidelines: draft, piloted, validated)."""
    choices: dict[str, str] = {}
    for model in page_models:
        name = STATUS_FIELDS.get(model._meta.model_name)
        if name:
            choices.update(model._meta.get_field(name).choices)
    return list(choices.items())


def _partner_pages(locale) -> list:
    return list(
        PartnerPage.objects.live()
        .filter(locale=locale)
        .order_by("title")
        .only("id", "title", "slug", "path", "translation_key")
    )


def _years_and_countries(locale, page_models) -> tuple[set[int], set[str]]:
    """The years and countries of the live pages of these types, in one
    query (one row per distinct year and country value)."""
    parts = []
    for model in page_models:
        field = "countries" if _has_field(model, "countries") else "country"
        parts.append(
            model.objects.live()
            .filter(locale=locale)
            .order_by()
            .annotate(year=ExtractYear("date"), place=Cast(field, CharField()))
            .values_list("year", "place")
            .distinct()
        )
    years, used = set(), set()
    for year, place in parts[0].union(*parts[1:]) if parts else []:
        years.add(year)
        used.update(str(place).split(",") if place else [])
    return years, used


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def filter_model(model, locale, filters: dict, partner_pages):
    queryset = public(model.objects.live().filter(locale=locale))
    if filters.get("theme"):
        queryset = queryset.filter(themes__slug__in=filters["theme"])
    if filters.get("sector"):
        queryset = queryset.filter(sectors__slug__in=filters["sector"])
    if filters.get("audience"):
        queryset = queryset.filter(audiences__slug__in=filters["audience"])
    if filters.get("year"):
        queryset = queryset.filter(date__year=filters["year"])
    if filters.get("status"):
        name = STATUS_FIELDS.get(model._meta.model_name)
        if name is None:
            return queryset.none().values("pk")
        queryset = queryset.filter(**{f"{name}__in": filters["status"]})
    if filters.get("country"):
        if _has_field(model, "countries"):
            condition = Q()
            for code in filters["country"]:
                condition |= Q(countries__contains=code)
        else:
            condition = Q(country__in=filters["country"])
        queryset = queryset.filter(condition)
    if filters.get("partner"):
        chosen = [p for p in partner_pages if p.slug in filters["partner"]]
        condition = Q(partners__translation_key__in=[p.translation_key for p in chosen])
        for partner in chosen:  # pages in the partner's own section
            condition |= Q(path__startswith=partner.path)
        queryset = queryset.filter(condition)
    return queryset.values("pk")


@dataclass
class Listing:
    page: PaginatorPage
    items: list
    form: FilterForm
    total: int


def _upcoming_first(queryset):
    """Events that have not ended come first, soonest first; everything else
    follows, newest first."""
    today = timezone.localdate()
    not_ended = Q(eventpage__end_date__gte=today) | Q(
        eventpage__end_date__isnull=True, eventpage__date__gte=today
    )
    return queryset.annotate(
        upcoming=Case(When(not_ended, then=1), default=0, output_field=IntegerField())
    ).order_by(
        F("upcoming").desc(),
        Case(When(not_ended, then=F("sort_date"))).asc(nulls_last=True),
        F("sort_date").desc(nulls_last=True),
        "-pk",
    )


def _direct(model) -> bool:
    """Whether ``model``'s table is a direct child of ``wagtailcore_page``."""
    return model._meta.get_parent_list() == [Page]


def with_own_rows(queryset, page_models):
    """Join each type's own table to the plain pages (one LEFT JOIN per
    type), so that ``as_specific`` needs no query per type, as
    ``.specific()`` does."""
    if all(_direct(model) for model in page_models):
        return queryset.select_related(*(model._meta.model_name for model in page_models))
    return queryset.specific()


def as_specific(items, page_models) -> list:
    """The pages of a ``with_own_rows`` queryset as their own types: the
    joined row of the page's type, given the ``wagtailcore_page`` fields
    that Django leaves out when it selects a child through its parent."""
    if not all(_direct(model) for model in page_models):
        return items  # loaded with .specific()
    page_fields = [field.attname for field in Page._meta.concrete_fields]
    out = []
    for item in items:
        model = item.specific_class
        own = getattr(item, model._meta.model_name, None) if model in page_models else None
        if own is None:
            out.append(item.specific)  # cannot happen: the filter names these types
            continue
        for attname in page_fields:
            own.__dict__[attname] = item.__dict__[attname]
        out.append(own)
    return out


def build_listing(
    request, locale, page_models, *, per_page: int = PER_PAGE, upcoming_first: bool = False
) -> Listing:
    form = FilterForm(request.GET or None, locale=locale, page_models=page_models)
    filters = form.active
    one_type = len(page_models) == 1 and not upcoming_first
    if form.is_bound and not form.is_valid():
        queryset = Page.objects.none()
    elif one_type:
        # One type: its own table, no second query per type for .specific().
        model = page_models[0]
        queryset = (
            model.objects.filter(pk__in=filter_model(model, locale, filters, form.partner_pages))
            .select_related(*CARD_SELECT.get(model._meta.model_name, ()))
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )
    else:
        condition = Q()
        for model in page_models:
            condition |= Q(pk__in=filter_model(model, locale, filters, form.partner_pages))
        dates = [F(f"{model._meta.model_name}__date") for model in page_models]
        sort_date = dates[0] if len(dates) == 1 else Coalesce(*dates)
        queryset = (
            Page.objects.filter(condition)
            .annotate(sort_date=sort_date)
            .order_by(F("sort_date").desc(nulls_last=True), "-pk")
        )
        if upcoming_first:
            queryset = _upcoming_first(queryset)
        queryset = with_own_rows(queryset, page_models)
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    items = list(page.object_list)
    if not one_type:
        items = as_specific(items, page_models)
    by_type: dict[str, list] = {}
    for item in items:
        by_type.setdefault(item._meta.model_name, []).append(item)
    for model_name, group in by_type.items():
        lookups = CARD_PREFETCH.get(model_name, ())
        if not one_type:
            lookups += CARD_SELECT.get(model_name, ())
        prefetch_related_objects(group, *lookups)
    with_pictures(items)  # every card's picture and its renditions: one query
    return Listing(page=page, items=items, form=form, total=paginator.count)
