"""/sitemap.xml lists every live, public page in every locale with its
translations as xhtml:link alternates."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction, Site

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _entries(client):
    response = client.get("/sitemap.xml")
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

    client.get("/sitemap.xml")  # warm the site root cache
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
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
        client.get("/sitemap.xml")
    assert len(more) <= len(few) + 2, [q["sql"] for q in more.captured_queries]
    assert len(few) <= 25
