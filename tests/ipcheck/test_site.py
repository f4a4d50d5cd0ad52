"""The IP self-check takes part in the rest of the site like the other
tools: the site search finds it and the sitemap lists it."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_the_check_is_found_by_site_search(client, check_page):
    response = client.get("/en/search/", {"q": "questionnaire"})
    assert response.status_code == 200
    found = [result.page.pk for result in response.context["outcome"].results]
    assert found == [check_page.pk]
    # A word it does not contain finds nothing.
    response = client.get("/en/search/", {"q": "zeppelin"})
    assert response.context["outcome"].results == []


def test_the_check_is_in_the_sitemap(client, check_page):
    root = ET.fromstring(client.get("/sitemap-pages.xml").content)  # noqa: S314 (our own response)
    locations = {url.find("s:loc", NS).text for url in root.findall("s:url", NS)}
    assert any(loc.endswith("/en/ip-check/") for loc in locations), locations
