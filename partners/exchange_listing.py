"""The exchange index: live exchanges of one locale, filtered (a django-filter
FilterSet) by round and by a partner's country."""

import django_filters
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.filtering import ANY, FilterSet
from core.visibility import public


class ExchangeFilter(FilterSet):
    """The locale's live public exchanges are few and read whole (with their
    partners and themes): the rounds and partner countries offered are
    theirs, and a filter in use costs one query for the matching pks."""

    round = django_filters.ChoiceFilter(
        label=_("Programme round"), empty_label=ANY, field_name="programme_round"
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), empty_label=ANY, field_name="partners__country", distinct=True
    )

    def __init__(self, data, *, locale):
        from partners.models import ExchangePage

        super().__init__(data, public(ExchangePage.objects.live()).filter(locale=locale))
        self.everyone = list(
            self.queryset.prefetch_related("partners", "themes").order_by("-date", "title")
        )
        rounds = sorted({e.programme_round for e in self.everyone}, reverse=True)
        self.set_choices("round", [(r, r) for r in rounds])
        codes = {p.country.code for e in self.everyone for p in e.partners.all() if p.country}
        self.set_choices("country", [(code, countries.name(code)) for code in sorted(codes)])

    @property
    def exchanges(self) -> list:
        """The exchanges that pass the filters (all of them if none is set
        or one is wrong), newest first."""
        if not self.values:
            return self.everyone
        chosen = set(self.qs.values_list("pk", flat=True))
        return [exchange for exchange in self.everyone if exchange.pk in chosen]


def exchange_index_view(index_page, request):
    filters = ExchangeFilter(request.GET or None, locale=index_page.locale)
    context = index_page.get_context(request)
    context.update(filters=filters, exchanges=filters.exchanges)
    return TemplateResponse(
        request,
        "partners/exchange_index_page.html",
        context,
        status=200 if filters.valid else 400,
    )
