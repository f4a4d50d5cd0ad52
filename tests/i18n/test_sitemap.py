"""/sitemap.xml is a sitemap index; its pages list every live, public page in
every locale with its translations as xhtml:link alternates."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction, Site

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap_pages(client):
    """The sitemap pages the index names, as paths with their query."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ET.fromstring(response.content)  # noqa: S314 (our own response)
    locations = [urlsplit(loc.text) for loc in index.findall("s:sitemap/s:loc", NS)]
    assert locations
    return [loc.path + (f"?{loc.query}" if loc.query else "") for loc in locations]


def _entries(client):
    entries = {}
    for path in _sitemap_pages(client):
        entries.update(_page_entries(client, path))
    return entries


def _page_entries(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return entries


@pytest.fixture
def base(section):
    """Sitemap URLs are absolute on the Wagtail site's own host name."""
    return Site.objects.get(is_default_site=True).root_url


def test_every_live_page_in_every_locale_is_listed(client, section, base):
    entries = _entries(client)
    for code in ("en", "de", "fr"):
        assert f"{base}/{code}/" in entries
        assert f"{base}/{code}/policy-papers/" in entries
        assert f"{base}/{code}/policy-papers/micro-grants/" in entries
    assert len(entries) == 9


def test_alternates_name_each_live_translation(client, section, base):
    entries = _entries(client)
    alternates = entries[f"{base}/de/policy-papers/micro-grants/"]
    assert alternates == {
        "en": f"{base}/en/policy-papers/micro-grants/",
        "de": f"{base}/de/policy-papers/micro-grants/",
        "fr": f"{base}/fr/policy-papers/micro-grants/",
        "x-default": f"{base}/en/policy-papers/micro-grants/",
    }


def test_drafts_and_private_pages_are_left_out(client, section, base):
    section["fr"]["paper"].unpublish()
    PageViewRestriction.objects.create(
        page=section["de"]["paper"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    entries = _entries(client)
    assert f"{base}/fr/policy-papers/micro-grants/" not in entries
    assert f"{base}/de/policy-papers/micro-grants/" not in entries
    # The English page has no live public translation left: no alternates.
    assert entries[f"{base}/en/policy-papers/micro-grants/"] == {}


def test_sitemap_queries_do_not_grow_with_pages(client, section, translate):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.demo_tools import ensure_page
    from knowledgebase.models import PolicyPaperPage

    client.get("/sitemap-pages.xml")  # warm the site root cache
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap-pages.xml")
    for n in range(3):
        paper = ensure_page(
            section["en"]["index"],
            PolicyPaperPage,
            f"extra-{n}",
            title=f"Extra {n}",
            abstract="<p>Extra.</p>",
            date=datetime.date(2025, 1, 1),
        )
        translate(paper, "de")
    with CaptureQueriesContext(connection) as more:
        client.get("/sitemap-pages.xml")
    assert len(more) <= len(few) + 2, [q["sql"] for q in more.captured_queries]
    assert len(few) <= 25


def test_the_index_splits_the_pages_at_the_limit(client, section, base, monkeypatch):
    """With a limit of 4 URLs a sitemap page, the 9 pages take three pages,
    each listing at most 4, together all 9 once."""
    from core import sitemaps

    monkeypatch.setattr(sitemaps.LocalizedSitemap, "limit", 4)
    paths = _sitemap_pages(client)
    assert paths == ["/sitemap-pages.xml", "/sitemap-pages.xml?p=2", "/sitemap-pages.xml?p=3"]
    pages = [_page_entries(client, path) for path in paths]
    assert [len(page) for page in pages] == [4, 4, 1]
    merged = {loc for page in pages for loc in page}
    assert len(merged) == 9
    # Alternates still name translations listed on other sitemap pages.
    assert all(
        len(alternates) == 4
        for page in pages
        for loc, alternates in page.items()
        if "/policy" in loc
    )
    assert client.get("/sitemap-pages.xml?p=4").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404
