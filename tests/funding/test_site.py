"""Opportunities take part in the rest of the site: search, the sitemap,
translation with wagtail-localize, and the API."""

import io
import xml.etree.ElementTree as ET

import pytest

from core.models import Sector
from core.translation import translate_object
from funding.models import FundingOpportunityPage

from .conftest import days, deadlines, opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def translate(home_all_locales, django_capture_on_commit_callbacks):
    def run(instance, code, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            result = translate_object(instance, code, strings or {})
        return result.__class__.objects.get(pk=result.pk)

    return run


def test_opportunities_are_found_by_site_search(client, opportunities):
    response = client.get("/en/search/", {"q": "voucher"})
    assert response.status_code == 200
    titles = [result.page.title for result in response.context["outcome"].results]
    assert "German design voucher" in titles
    # The funder is searchable too.
    opportunity(
        opportunities["best"].get_parent(),
        "bauhaus",
        title="Neighbourhood prize",
        funder="Bauhausstiftung",
        deadlines=deadlines(9),
    )
    response = client.get("/en/search/", {"q": "Bauhausstiftung"})
    assert [r.page.title for r in response.context["outcome"].results] == ["Neighbourhood prize"]


def test_opportunities_are_in_the_sitemap(client, opportunities):
    root = ET.fromstring(client.get("/sitemap-pages.xml").content)  # noqa: S314 (our own response)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {url.find("s:loc", ns).text for url in root.findall("s:url", ns)}
    assert any(loc.endswith("/en/funding/design-export-grant/") for loc in locations)
    assert any(loc.endswith("/en/funding/") for loc in locations)


def test_translation_keeps_facts_and_localises_sectors(client, finder, translate):
    page = opportunity(
        finder,
        "music-moves",
        title="Music moves",
        summary="Touring money for bands.",
        funder="European Commission",
        regions="Whole country",
        sectors=list(Sector.objects.filter(locale__language_code="en", slug="music")),
        applicant_types=["micro"],
        amount_max=60_000,
        deadlines=deadlines(30, label="single round"),
        official_url="https://example.org/music",
    )
    translate(finder, "de", {"Funding": "Förderung"})
    music = Sector.objects.get(locale__language_code="en", slug="music")
    if not Sector.objects.filter(locale__language_code="de", slug="music").exists():
        translate(music, "de", {"Music": "Musik"})
    german = translate(
        page,
        "de",
        {
            "Music moves": "Musik bewegt",
            "Touring money for bands.": "Tourneegeld für Bands.",
            "European Commission": "Europäische Kommission",
            "single round": "eine Runde",
        },
    )
    assert isinstance(german, FundingOpportunityPage)
    assert german.title == "Musik bewegt" and german.funder == "Europäische Kommission"
    assert german.applicant_types == ["micro"] and german.amount_max == 60_000
    assert german.official_url == "https://example.org/music"
    assert german.deadline_rows() == [(days(30), "eine Runde")]
    assert german.closes_on == days(30)
    # The German page links the German sector.
    assert [s.locale.language_code for s in german.sectors.all()] == ["de"]
    response = client.get(german.url)
    assert response.status_code == 200
    assert "Musik bewegt" in response.content.decode()
    finder_de = client.get(german.get_parent().url)
    assert [m.page.title for m in finder_de.context["matches"]] == ["Musik bewegt"]


def test_api_serves_an_opportunity(client, opportunities):
    page = opportunities["loan"]
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["instrument"] == "loan"
    assert data["countries"] == ["ES", "PT"]
    assert data["applicant_types"] == ["sme", "freelancer"]


def facet_options(response, facet):
    return {o["value"]: o["count"] for o in response.context["outcome"].facets[facet]}


def test_search_facets_instrument_and_deadline(client, opportunities):
    response = client.get("/en/search/", {"q": "design"})
    assert response.status_code == 200
    instruments = facet_options(response, "instrument")
    assert instruments["prize"] == 1 and instruments["voucher"] == 1
    deadlines_facet = facet_options(response, "deadline")
    assert deadlines_facet == {"open": 3, "closed": 1}
    labels = {o["value"]: o["label"] for o in response.context["outcome"].facets["deadline"]}
    assert labels == {"open": "Deadline open", "closed": "Deadline passed"}
    html = response.content.decode()
    assert "Kind of funding" in html and "Deadline passed" in html
    # Narrowing by a facet.
    closed = client.get("/en/search/", {"q": "design", "deadline": "closed"})
    assert [r.page.title for r in closed.context["outcome"].results] == ["Past design prize"]
    loans = client.get("/api/v2/search/", {"q": "loan", "instrument": "loan", "locale": "en"})
    assert loans.status_code == 200
    assert [r["title"] for r in loans.json()["results"]] == ["Working capital loan"]


def test_refresh_command_closes_the_deadline_facet(client, opportunities):
    from django.core.management import call_command

    from search.models import PageFacet

    page = opportunities["german"]
    assert PageFacet.objects.get(page_id=page.pk, facet="deadline").value == "open"
    # Time passes: the deadline is now yesterday.
    FundingOpportunityPage.objects.filter(pk=page.pk).update(closes_on=days(-1))
    out = io.StringIO()
    call_command("refresh_funding_facets", stdout=out)
    assert "re-indexed" in out.getvalue()
    assert PageFacet.objects.get(page_id=page.pk, facet="deadline").value == "closed"
