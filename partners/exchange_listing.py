"""The exchange index: live exchanges of one locale, filtered (a django-filter
FilterSet) by round and by a partner's country."""

import django_filters
from django.db.models import CharField, Value
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.filtering import ANY, FilterSet


class ExchangeFilter(FilterSet):
    """The rounds and partner countries offered are those of the locale's
    live public exchanges, read in one query."""

    round = django_filters.ChoiceFilter(
        label=_("Programme round"), empty_label=ANY, field_name="programme_round"
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), empty_label=ANY, field_name="partners__country", distinct=True
    )

    def __init__(self, data, *, locale):
        from partners.models import ExchangePage

        exchanges = ExchangePage.objects.live().public().filter(locale=locale)
        super().__init__(data, exchanges)
        parts = [
            exchanges.order_by().values_list(Value(name, output_field=CharField()), field)
            for name, field in (("round", "programme_round"), ("country", "partners__country"))
        ]
        found = {"round": set(), "country": set()}
        for name, value in parts[0].union(parts[1]):
            if value:
                found[name].add(value)
        self.set_choices("round", [(r, r) for r in sorted(found["round"], reverse=True)])
        self.set_choices(
            "country", [(code, countries.name(code)) for code in sorted(found["country"])]
        )

    @property
    def exchanges(self) -> list:
        """The exchanges that pass the filters (all of them if one is
        wrong), newest first."""
        queryset = self.qs if self.valid else self.queryset
        return list(queryset.prefetch_related("partners", "themes").order_by("-date", "title"))


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
