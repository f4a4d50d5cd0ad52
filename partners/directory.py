"""The partner directory: filters (a django-filter FilterSet), map markers,
list and CSV export."""

import csv

import django_filters
from django.db.models import CharField, Value
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.csv_cells import csv_safe
from core.filtering import ANY, FilterSet
from core.visibility import public
from partners.europe import HEIGHT, WIDTH, in_frame, project


def partner_types():
    from partners.models.partners import PARTNER_TYPES

    return PARTNER_TYPES


class DirectoryFilter(FilterSet):
    """The directory's filters, on the locale's live public partners. The
    country select offers the partners' countries, read with the sectors
    and services in one query."""

    type = django_filters.ChoiceFilter(label=_("Type"), empty_label=ANY, method="filter_type")
    country = django_filters.ChoiceFilter(label=_("Country"), empty_label=ANY)
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), empty_label=ANY, field_name="sectors__slug"
    )
    service = django_filters.ChoiceFilter(
        label=_("Service or facility"), empty_label=ANY, field_name="services__slug"
    )

    def __init__(self, data, *, locale):
        from core.models import Sector
        from partners.models import Service

        partners = public_partners(locale)
        super().__init__(data, partners)
        parts = [
            model.objects.filter(locale=locale)
            .order_by()
            .values_list(Value(name, output_field=CharField()), "slug", "name")
            for name, model in (("sector", Sector), ("service", Service))
        ]
        parts.append(
            partners.exclude(country="")
            .order_by()
            .values_list(Value("country", output_field=CharField()), "country", "country")
        )
        terms = {"sector": [], "service": [], "country": []}
        for name, slug, label in sorted(set(parts[0].union(*parts[1:], all=True)), key=_by_label):
            terms[name].append((slug, label))
        self.set_choices("type", list(partner_types()))
        self.set_choices("country", [(code, countries.name(code)) for code, _ in terms["country"]])
        self.set_choices("sector", terms["sector"])
        self.set_choices("service", terms["service"])

    def filter_type(self, queryset, name, value):
        if value == "hub":
            return queryset.filter(educationpartnerpage__isnull=True)
        return queryset.filter(educationpartnerpage__institution_type=value)

    @property
    def partners(self):
        """The partners that pass the filters (all of them if one is wrong),
        with what their cards and the CSV show."""
        queryset = self.qs if self.valid else self.queryset
        return list(
            queryset.select_related("hubpage", "educationpartnerpage", "logo")
            # The logos' renditions for the cards: one query for every partner.
            .prefetch_related("sectors", "themes", "services", "logo__renditions")
            .order_by("title")
        )


def _by_label(row):
    # Countries by code (the names are those of the active language).
    return row[1] if row[0] == "country" else row[2]


def public_partners(locale):
    from partners.models import PartnerPage

    return public(PartnerPage.objects.live()).filter(locale=locale)


def markers(partners):
    out = []
    for partner in partners:
        if partner.latitude is None or partner.longitude is None:
            continue
        if not in_frame(partner.latitude, partner.longitude):
            continue
        x, y = project(partner.latitude, partner.longitude)
        # Strings, so that number localisation never reaches the SVG.
        out.append(
            {
                "partner": partner,
                "x": str(x),
                "y": str(y),
                "x0": str(round(x - 6, 1)),
                "y0": str(round(y - 6, 1)),
                "kind": partner.partner_type,
            }
        )
    return out


def directory_view(index_page, request):
    filters = DirectoryFilter(request.GET or None, locale=index_page.locale_id)
    partners = filters.partners
    view = request.GET.get("view", "map")
    context = index_page.get_context(request)
    context.update(
        filters=filters,
        partners=partners,
        markers=markers(partners),
        map_width=WIDTH,
        map_height=HEIGHT,
        view="list" if view == "list" else "map",
        list_view="list" if view == "list" else "",
        query=request.GET.urlencode(),
        # Served through partners/urls.py: Wagtail page URLs have no dots.
        export_url=index_page.url.rstrip("/") + "/export.csv",
    )
    return TemplateResponse(
        request, "partners/partner_index_page.html", context, status=200 if filters.valid else 400
    )


CSV_COLUMNS = [
    "name",
    "type",
    "country",
    "city",
    "latitude",
    "longitude",
    "sectors",
    "themes",
    "services",
    "website",
    "url",
]


def export_view(index_page, request):
    filters = DirectoryFilter(request.GET or None, locale=index_page.locale_id)
    if not filters.valid:
        return HttpResponse(
            "; ".join(f"{k}: {' '.join(v)}" for k, v in filters.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"partners-{get_language()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM: spreadsheets then read UTF-8 correctly
    writer = csv.writer(response, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for p in filters.partners:
        row = [
            p.title,
            p.partner_type,
            p.country.code if p.country else "",
            p.city,
            p.latitude if p.latitude is not None else "",
            p.longitude if p.longitude is not None else "",
            "; ".join(s.name for s in p.sectors.all()),
            "; ".join(t.name for t in p.themes.all()),
            "; ".join(s.name for s in p.services.all()),
            p.website,
            p.get_full_url(request),
        ]
        writer.writerow([csv_safe(cell) for cell in row])
    return response
