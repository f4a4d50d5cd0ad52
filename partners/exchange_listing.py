"""The exchange index: live exchanges of one locale, by round and country."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class ExchangeFilterForm(forms.Form):
    round = forms.ChoiceField(label=_("Programme round"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data, *, exchanges):
        super().__init__(data)
        any_choice = [("", _("Any"))]
        rounds = sorted({e.programme_round for e in exchanges}, reverse=True)
        self.fields["round"].choices = any_choice + [(r, r) for r in rounds]
        codes = sorted({p.country.code for e in exchanges for p in e.partners.all() if p.country})
        self.fields["country"].choices = any_choice + [
            (code, countries.name(code)) for code in codes
        ]


def live_exchanges(locale):
    from partners.models import ExchangePage

    return list(
        ExchangePage.objects.live()
        .public()
        .filter(locale=locale)
        .prefetch_related("partners", "themes")
        .order_by("-date", "title")
    )


def filter_exchanges(exchanges, data):
    result = []
    for exchange in exchanges:
        if data.get("round") and exchange.programme_round != data["round"]:
            continue
        if data.get("country") and data["country"] not in {
            p.country.code for p in exchange.partners.all()
        }:
            continue
        result.append(exchange)
    return result


def exchange_index_view(index_page, request):
    everyone = live_exchanges(index_page.locale)
    form = ExchangeFilterForm(request.GET or None, exchanges=everyone)
    valid = not form.is_bound or form.is_valid()
    exchanges = filter_exchanges(everyone, form.cleaned_data if form.is_bound and valid else {})
    context = index_page.get_context(request)
    context.update(form=form, exchanges=exchanges)
    return TemplateResponse(
        request,
        "partners/exchange_index_page.html",
        context,
        status=200 if valid else 400,
    )
