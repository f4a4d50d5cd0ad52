"""Filtered, paginated listings of knowledge-base pages.

Filters come from the query string so a filtered list is a shareable link:
``?theme=finance&sector=music&country=PT&partner=officina-torino&year=2025
&audience=educators``. Values are slugs or ISO codes; a parameter may repeat
(values of one parameter are alternatives, different parameters must all
hold). The filters are a django-filter FilterSet (``ListingFilter``).
Malformed or unknown values make its form invalid: the view answers 400 with
the message, never 500.

The number of SQL queries is fixed: it depends on the number of page types in
the listing, never on the number of pages.
"""

from dataclasses import dataclass

import django_filters
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
from core.filtering import ANY, FilterForm, FilterSet, OneOfMany
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


class ListingForm(FilterForm):
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


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ListingFilter(FilterSet):
    """The filters of a knowledge-base listing. Each page type's own
    queryset goes through ``filter_queryset`` (``filter_model``); the
    choices are the locale's terms and partners, every country code, and
    the statuses of the listed types. The selects show only the years and
    countries that the listed pages have."""

    theme = django_filters.MultipleChoiceFilter(
        label=_("Theme"), method="filter_theme", widget=OneOfMany
    )
    sector = django_filters.MultipleChoiceFilter(
        label=_("Sector"), method="filter_sector", widget=OneOfMany
    )
    audience = django_filters.MultipleChoiceFilter(
        label=_("Audience"), method="filter_audience", widget=OneOfMany
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), method="filter_country", widget=OneOfMany
    )
    partner = django_filters.MultipleChoiceFilter(
        label=_("Partner"), method="filter_partner", widget=OneOfMany
    )
    year = YearFilter(
        label=_("Year"), method="filter_year", min_value=1900, max_value=2100, widget=forms.Select
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), method="filter_status", widget=OneOfMany
    )

    class Meta:
        form = ListingForm

    def __init__(self, data, *, locale, page_models):
        super().__init__(data, queryset=Page.objects.none())
        self.locale = locale
        terms = _term_choices(locale)
        for name in ("theme", "sector", "audience", "partner"):
            self.set_choices(name, terms[name])
        # The partners themselves only when a partner filter asks for them.
        self.partner_pages = SimpleLazyObject(lambda: _partner_pages(locale))
        years, used = _years_and_countries(locale, page_models)
        self.set_choices(
            "country", list(countries), shown=[(c, n) for c, n in countries if c in used]
        )
        self.form.fields["year"].widget.choices = [
            ("", ANY),
            *((str(year), str(year)) for year in sorted(years, reverse=True)),
        ]
        self.set_choices("status", _status_choices(page_models))
        # A select with no option to choose is left out of the form (a value
        # sent anyway is still checked).
        for field in self.form.fields.values():
            if len(field.widget.choices) < 2:
                many = isinstance(field, forms.MultipleChoiceField)
                field.widget = forms.MultipleHiddenInput() if many else forms.HiddenInput()

    def filter_model(self, model):
        """The pks of ``model``'s public live pages in the locale that
        pass the filters."""
        queryset = public(model.objects.live().filter(locale=self.locale))
        if self.values:
            queryset = self.filter_queryset(queryset)
        return queryset.values("pk")

    def filter_theme(self, queryset, name, value):
        return queryset.filter(themes__slug__in=value)

    def filter_sector(self, queryset, name, value):
        return queryset.filter(sectors__slug__in=value)

    def filter_audience(self, queryset, name, value):
        return queryset.filter(audiences__slug__in=value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=value)

    def filter_status(self, queryset, name, value):
        field = STATUS_FIELDS.get(queryset.model._meta.model_name)
        if field is None:
            return queryset.none()
        return queryset.filter(**{f"{field}__in": value})

    def filter_country(self, queryset, name, value):
        if _has_field(queryset.model, "countries"):
            condition = Q()
            for code in value:
                condition |= Q(countries__contains=code)
            return queryset.filter(condition)
        return queryset.filter(country__in=value)

    def filter_partner(self, queryset, name, value):
        chosen = [p for p in self.partner_pages if p.slug in value]
        condition = Q(partners__translation_key__in=[p.translation_key for p in chosen])
        for partner in chosen:  # pages in the partner's own section
            condition |= Q(path__startswith=partner.path)
        return queryset.filter(condition)


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


@dataclass
class Listing:
    page: PaginatorPage
    items: list
    filters: ListingFilter
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
    filters = ListingFilter(request.GET or None, locale=locale, page_models=page_models)
    one_type = len(page_models) == 1 and not upcoming_first
    if not filters.valid:
        queryset = Page.objects.none()
    elif one_type:
        # One type: its own table, no second query per type for .specific().
        model = page_models[0]
        queryset = (
            model.objects.filter(pk__in=filters.filter_model(model))
            .select_related(*CARD_SELECT.get(model._meta.model_name, ()))
            .order_by(F("date").desc(nulls_last=True), "-pk")
        )
    else:
        condition = Q()
        for model in page_models:
            condition |= Q(pk__in=filters.filter_model(model))
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
    return Listing(page=page, items=items, filters=filters, total=paginator.count)
