"""Synchronised taxonomy links follow the page's locale."""

import pytest
from django.db import models
from django.test.utils import isolate_apps
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import TranslatableMixin

from core.localization.relations import localize_relations, localized_fields
from core.models import Sector, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def probe_model():
    """A clusterable translatable model linking taxonomy, never migrated:
    the links are held in memory, as in a page being translated."""
    from wagtail.models import Locale

    with isolate_apps("core", "wagtail") as apps:
        # Let the isolated registry resolve the links to real models.
        apps.register_model("wagtailcore", Locale)
        apps.register_model("core", Theme)
        apps.register_model("core", Sector)

        class Probe(TranslatableMixin, ClusterableModel):
            themes = ParentalManyToManyField(Theme, related_name="+")
            sector = models.ForeignKey(
                Sector, null=True, on_delete=models.SET_NULL, related_name="+"
            )
            title = models.CharField(max_length=10)

            class Meta:
                app_label = "core"
                unique_together = [("translation_key", "locale")]

            def __str__(self):
                return self.title

        yield Probe


@pytest.fixture
def terms(translate):
    finance = Theme.objects.get(locale__language_code="en", slug="finance")
    ip = Theme.objects.get(locale__language_code="en", slug="intellectual-property")
    sector = Sector.objects.filter(locale__language_code="en").first()
    return {
        "finance": finance,
        "ip": ip,
        "sector": sector,
        "finance_de": translate(finance, "de", {"Finance": {"de": "Finanzierung"}}),
        "sector_de": translate(sector, "de", {}),
    }


def test_only_links_to_translatable_snippets_are_handled(probe_model):
    assert {f.name for f in localized_fields(probe_model)} == {"themes", "sector"}


def test_links_move_to_the_translation_in_the_page_locale(probe_model, terms, locales):
    probe = probe_model(title="x", locale=locales["de"])
    probe.themes = [terms["finance"], terms["ip"]]
    probe.sector = terms["sector"]
    localize_relations(probe)
    # Finance has a German twin; intellectual property has none and is kept.
    assert list(probe.themes.all()) == [terms["finance_de"], terms["ip"]]
    assert probe.sector == terms["sector_de"]


def test_links_already_in_the_locale_are_left_alone(
    probe_model, terms, locales, django_assert_num_queries
):
    probe = probe_model(title="x", locale=locales["en"])
    probe.themes = [terms["finance"]]
    probe.sector = terms["sector"]
    with django_assert_num_queries(0):
        localize_relations(probe)
    assert list(probe.themes.all()) == [terms["finance"]]
