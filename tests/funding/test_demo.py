"""The demo step builds the finder and at least 20 opportunities in every
language, as linked translations, with dates marked as examples; a second
run adds nothing."""

import pytest
from django.core.management.color import no_style

from core.demo_tools import DemoContext
from funding import demo
from funding.models import FundingIndexPage, FundingOpportunityPage

LANGS = ["en", "de", "fr", "it", "es", "pl", "el"]


class Quiet:
    def write(self, text):
        pass


@pytest.mark.django_db
def test_demo_builds_the_finder_in_seven_languages(
    home_all_locales, client, django_capture_on_commit_callbacks
):
    context = DemoContext(stdout=Quiet(), style=no_style())
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(context)
    for code in LANGS:
        finder = FundingIndexPage.objects.get(locale__language_code=code)
        assert finder.live and finder.show_in_menus
        pages = FundingOpportunityPage.objects.live().filter(locale__language_code=code)
        assert pages.count() >= 20, code
        assert all(page.dates_are_examples for page in pages)
        assert all(page.official_url.startswith("https://") for page in pages)
    english = FundingOpportunityPage.objects.filter(locale__language_code="en")
    keys = {page.translation_key for page in english}
    for code in LANGS[1:]:
        translated = FundingOpportunityPage.objects.filter(locale__language_code=code)
        assert {page.translation_key for page in translated} == keys
    german = FundingOpportunityPage.objects.get(
        locale__language_code="de", slug="erasmus-small-scale-partnerships"
    )
    assert german.title == "Erasmus+ Kleine Partnerschaften"
    assert [label for _day, label in german.deadline_rows()] == [
        "Beispieltermin, erste Runde",
        "Beispieltermin, zweite Runde",
    ]
    # The German finder answers in German, with example dates said.
    response = client.get("/de/funding/", {"who": "sme"})
    assert response.status_code == 200
    assert "Förderfinder" in response.content.decode()
    # A second run creates no page and no revision.
    counts = (FundingOpportunityPage.objects.count(), revisions())
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(context)
    assert (FundingOpportunityPage.objects.count(), revisions()) == counts


def revisions():
    from wagtail.models import Revision

    return Revision.objects.count()
