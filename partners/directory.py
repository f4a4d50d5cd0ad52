"""The partner directory: filters, map markers, list and CSV export."""

import csv

from django import forms
from django.db.models import CharField, Value
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.csv_cells import csv_safe
from partners.europe import HEIGHT, WIDTH, in_frame, project


def partner_types():
    from partners.models.partners import PARTNER_TYPES

    return PARTNER_TYPES


class DirectoryFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    service = forms.ChoiceField(label=_("Service or facility"), required=False)

    def __init__(self, data, *, locale, partners):
        super().__init__(data)
        from core.models import Sector
        from partners.models import Service

        any_choice = [("", _("Any"))]
        self.fields["type"].choices = any_choice + list(partner_types())
        codes = sorted({p.country.code for p in partners if p.country})
        self.fields["country"].choices = any_choice + [
            (code, countries.name(code)) for code in codes
        ]
        # Sectors and services in one query (the cards' logos take one more).
        parts = [
            model.objects.filter(locale=locale)
            .order_by()
            .values_list(Value(name, output_field=CharField()), "slug", "name")
            for name, model in (("sector", Sector), ("service", Service))
        ]
        terms = {"sector": [], "service": []}
        for name, slug, label in sorted(parts[0].union(parts[1], all=True), key=lambda r: r[2]):
            terms[name].append((slug, label))
        self.fields["sector"].choices = any_choice + terms["sector"]
        self.fields["service"].choices = any_choice + terms["service"]


def live_partners(locale):
    from partners.models import PartnerPage

    return (
        PartnerPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("hubpage", "educationpartnerpage", "logo")
        # The logos' renditions for the cards: one query for every partner.
        .prefetch_related("sectors", "themes", "services", "logo__renditions")
        .order_by("title")
    )


def filter_partners(partners, data) -> list:
    """Apply the cleaned filter values (in Python: the list is one locale's
    partners, already fetched with their terms)."""
    result = []
    for partner in partners:
        if data.get("type") and partner.partner_type != data["type"]:
            continue
        if data.get("country") and partner.country.code != data["country"]:
            continue
        if data.get("sector") and data["sector"] not in {s.slug for s in partner.sectors.all()}:
            continue
        if data.get("service") and data["service"] not in {s.slug for s in partner.services.all()}:
            continue
        result.append(partner)
    return result


def _filtered(index_page, request):
    everyone = list(live_partners(index_page.locale))
    form = DirectoryFilterForm(request.GET or None, locale=index_page.locale, partners=everyone)
    if form.is_bound and not form.is_valid():
        return form, everyone, False
    data = form.cleaned_data if form.is_bound else {}
    return form, filter_partners(everyone, data), True


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
    form, partners, valid = _filtered(index_page, request)
    view = request.GET.get("view", "map")
    context = index_page.get_context(request)
    context.update(
        form=form,
        partners=partners,
        markers=markers(partners),
        map_width=WIDTH,
        map_height=HEIGHT,
        view="list" if view == "list" else "map",
        query=request.GET.urlencode(),
        # Served through partners/urls.py: Wagtail page URLs have no dots.
        export_url=index_page.url.rstrip("/") + "/export.csv",
    )
    return TemplateResponse(
        request, "partners/partner_index_page.html", context, status=200 if valid else 400
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
    form, partners, valid = _filtered(index_page, request)
    if not valid:
        return HttpResponse(
            "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"partners-{index_page.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # BOM: spreadsheets then read UTF-8 correctly
    writer = csv.writer(response, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for p in partners:
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
