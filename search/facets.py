"""Facts about pages, read from the database by field name, and the labels
of facet values. The facts are stored as facet rows when pages are indexed
(``facet_rows``) and counted in SQL (``facet_counts``).

No page type is named here. A page type takes part in a facet by having the
field the project's contract names: ``themes``, ``sectors`` (many-to-many to
the taxonomy), ``country`` / ``countries``, ``partners`` (many-to-many to
partner pages), ``date``, ``document``, ``instrument`` (a field with
choices) and ``closes_on`` with ``rolling`` (a deadline: open or closed on
the day the page was indexed; ``manage.py refresh_funding_facets`` rewrites
them daily). Content inside a partner's section
of the tree also counts for that partner (and its country).

The number of queries grows with the number of page types among the hits,
never with the number of hits.
"""

import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField
from django.utils import timezone
from django_countries import countries as country_names

from core.models import Sector, Theme

FACETS = ["type", "theme", "sector", "country", "partner", "year", "document"]
FACETS += ["instrument", "deadline"]


@dataclass
class Facts:
    pk: int
    content_type_id: int
    path: str = ""
    date: object = None
    themes: set = field(default_factory=set)
    sectors: set = field(default_factory=set)
    countries: set = field(default_factory=set)
    partners: set = field(default_factory=set)
    has_document: bool = False
    instrument: str = ""
    deadline: str = ""

    def values(self, facet: str) -> set[str]:
        if facet == "type":
            return {str(self.content_type_id)}
        if facet == "theme":
            return self.themes
        if facet == "sector":
            return self.sectors
        if facet == "country":
            return self.countries
        if facet == "partner":
            return {str(pk) for pk in self.partners}
        if facet == "year":
            return {str(self.date.year)} if self.date else set()
        if facet == "document":
            return {"yes" if self.has_document else "no"}
        if facet in ("instrument", "deadline"):
            value = getattr(self, facet)
            return {value} if value else set()
        return set()


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def partner_model():
    from partners.models import PartnerPage  # not at the top: search's backends load early

    return PartnerPage


def partners_by_path(locale) -> dict[str, dict]:
    """Live partner pages of ``locale``: path -> {pk, title, country}."""
    rows = (
        partner_model()
        .objects.live()
        .filter(locale=locale)
        .values("pk", "path", "title", "country")
    )
    return {row["path"]: row for row in rows}


def collect_facts(hits: list[tuple[int, int, str]], locale) -> dict[int, Facts]:
    """``hits`` are (pk, content_type_id, path) of matched pages."""
    facts = {pk: Facts(pk, ct, path) for pk, ct, path in hits}
    by_type: dict[int, list[int]] = {}
    for pk, ct, _path in hits:
        by_type.setdefault(ct, []).append(pk)
    for ct_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is not None:
            _scalar_facts(model, pks, facts)
            _related_facts(model, pks, facts)
    _section_facts(facts, partners_by_path(locale))
    return facts


def _related_facts(model, pks, facts) -> None:
    """Themes, sectors and partners from the many-to-many fields; a partner
    is its own partner."""
    for name, lookup in (
        ("themes", "themes__slug"),
        ("sectors", "sectors__slug"),
        ("partners", "partners__pk"),
    ):
        if isinstance(model_field(model, name), ManyToManyField):
            for pk, value in model.objects.filter(pk__in=pks).values_list("pk", lookup):
                if value is not None:
                    getattr(facts[pk], name).add(value)
    if issubclass(model, partner_model()):
        for pk in pks:
            facts[pk].partners.add(pk)


def _section_facts(facts, partners) -> None:
    """Content in a partner's section belongs to that partner, and without
    a country of its own is in its partners' countries."""
    path_of = {row["pk"]: path for path, row in partners.items()}
    for item in facts.values():
        for depth in range(len(item.path) // 4 - 1, 1, -1):
            row = partners.get(item.path[: depth * 4])
            if row is not None:
                item.partners.add(row["pk"])
                break
        if not item.countries:
            item.countries = {
                partners[path]["country"]
                for path in (path_of.get(pk) for pk in item.partners)
                if path and partners[path].get("country")
            }


def _scalar_facts(model, pks, facts):
    names = ["pk"]
    date_field = model_field(model, "date")
    if date_field is not None:
        names.append("date")
    else:
        names.append("first_published_at")
    country = model_field(model, "country")
    countries = model_field(model, "countries")
    if country is not None:
        names.append("country")
    if countries is not None and not isinstance(countries, ManyToManyField):
        names.append("countries")
    if isinstance(model_field(model, "document"), ForeignKey):
        names.append("document_id")
    if model_field(model, "instrument") is not None:
        names.append("instrument")
    has_deadline = model_field(model, "closes_on") is not None
    if has_deadline and model_field(model, "rolling") is not None:
        names += ["closes_on", "rolling"]
    today = timezone.localdate()
    for row in model.objects.filter(pk__in=pks).values(*names):
        item = facts[row["pk"]]
        value = row.get("date") or row.get("first_published_at")
        item.date = value.date() if hasattr(value, "date") and callable(value.date) else value
        for code in [row.get("country")] + list(row.get("countries") or []):
            if code:
                item.countries.add(str(code))
        item.has_document = bool(row.get("document_id"))
        item.instrument = row.get("instrument") or ""
        if "closes_on" in row:
            closes = row["closes_on"]
            item.deadline = "open" if row["rolling"] or not closes or closes >= today else "closed"


def small_int(value: str) -> int | None:
    """An id from a URL parameter, or None when it cannot be one."""
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def term_labels(values_by_facet: dict, locale) -> dict[str, dict[str, str]]:
    """Labels of the theme and sector values, ``{facet: {slug: name}}``, in
    one query (written out: the ORM's union cost more than the query)."""
    from django.db import connection

    parts, params = [], []
    for facet, model in (("theme", Theme), ("sector", Sector)):
        values = list(values_by_facet.get(facet, ()))
        if values:
            marks = ", ".join(["%s"] * len(values))
            parts.append(
                f"SELECT '{facet}', slug, name FROM {model._meta.db_table}"  # noqa: S608
                f" WHERE locale_id = %s AND slug IN ({marks})"
            )
            params += [locale.pk, *values]
    names = {"theme": {}, "sector": {}}
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for facet, slug, name in cursor.fetchall():
                names[facet][slug] = name
    return {
        facet: {value: names[facet].get(value, value) for value in values_by_facet.get(facet, ())}
        for facet in ("theme", "sector")
    }


def labels(facet: str, values, locale) -> dict[str, str]:
    """Readable labels for facet values, in the locale's language."""
    from django.utils.translation import gettext

    values = list(values)
    if facet in ("theme", "sector"):
        model = Theme if facet == "theme" else Sector
        names = dict(
            model.objects.filter(locale=locale, slug__in=values).values_list("slug", "name")
        )
        return {value: names.get(value, value) for value in values}
    if facet == "document":
        return {"yes": gettext("With a document"), "no": gettext("Without a document")}
    if facet == "deadline":
        return {"open": gettext("Deadline open"), "closed": gettext("Deadline passed")}
    by_facet = {
        "type": _type_labels,
        "country": _country_labels,
        "partner": _partner_labels,
        "instrument": _instrument_labels,
    }
    if facet in by_facet:
        return by_facet[facet](values)
    return {value: value for value in values}


def _type_labels(values) -> dict[str, str]:
    out = {}
    for value in values:
        pk = small_int(value)
        if pk is None:
            continue
        try:
            model = ContentType.objects.get_for_id(pk).model_class()
        except ContentType.DoesNotExist:
            continue
        if model is not None:
            out[value] = str(model._meta.verbose_name)
    return out


def _country_labels(values) -> dict[str, str]:
    codes = [v for v in values if len(v) == 2 and v.isascii() and v.isalpha()]
    return {value: str(country_names.name(value) or value) for value in codes}


def _partner_labels(values) -> dict[str, str]:
    ids = {value: small_int(value) for value in values}
    ids = {value: pk for value, pk in ids.items() if pk is not None}
    titles = dict(partner_model().objects.filter(pk__in=ids.values()).values_list("pk", "title"))
    return {value: titles[pk] for value, pk in ids.items() if pk in titles}


def _instrument_labels(values) -> dict[str, str]:
    names = {key: str(label) for key, label in instrument_choices()}
    return {value: names[value] for value in values if value in names}


@functools.cache
def instrument_choices() -> tuple:
    """The choices of every model's ``instrument`` field (their labels lazy)."""
    choices = []
    for model in apps.get_models():
        field = model_field(model, "instrument")
        if field is not None and field.choices:
            choices += field.choices
    return tuple(choices)
