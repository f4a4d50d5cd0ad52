"""SITE_URL: one public address for the Wagtail Site and every absolute URL
the site writes (sitemap, feeds, partner CSV, search and pages API,
citation tags, hreflang, OAI-PMH, robots.txt)."""

import contextlib
import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Page, Site

from core.site_url import apply_site_url, parse
from knowledgebase.models import NewsIndexPage, NewsPage, PolicyPaperIndexPage, PolicyPaperPage
from partners.models import HubPage, PartnerIndexPage
from tests.search.conftest import add

pytestmark = pytest.mark.django_db

PUBLIC = "https://kb.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(data: bytes):
    return ET.fromstring(data)  # noqa: S314 - our own server's answer, in a test


@pytest.fixture
def tree(home_all_locales):
    home = home_all_locales["en"]
    news = add(home, NewsIndexPage, title="News", slug="news")
    partners = add(home, PartnerIndexPage, title="Partners", slug="partners")
    papers = add(home, PolicyPaperIndexPage, title="Policy papers", slug="policy-papers")
    return {
        "item": add(news, NewsPage, title="Hub opens", summary="A new hub."),
        "hub": add(partners, HubPage, title="Studio Lisboa", summary="A hub.", country="PT"),
        "paper": add(papers, PolicyPaperPage, title="Micro grants", summary="Small grants."),
    }


@pytest.fixture
def public(settings, tree):
    settings.SITE_URL = PUBLIC
    apply_site_url()
    return tree


def test_the_site_takes_the_public_address(public):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("kb.example.org", 443, PUBLIC)


def test_sitemap_locations_use_it(client, public):
    index = xml(client.get("/sitemap.xml").content)
    assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == [PUBLIC + "/sitemap-pages.xml"]
    root = xml(client.get("/sitemap-pages.xml").content)
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert PUBLIC + "/en/news/hub-opens/" in locations
    assert all(loc.startswith(PUBLIC + "/") for loc in locations), locations


def test_feed_links_use_it(client, public):
    root = xml(client.get("/en/news/feed/rss/").content)
    assert root.findtext("channel/link").startswith(PUBLIC + "/en/news/")
    assert root.findtext("channel/item/link") == PUBLIC + "/en/news/hub-opens/"


def test_partner_csv_url_column_uses_it(client, public):
    response = client.get("/en/partners/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["url"] for row in rows] == [PUBLIC + "/en/partners/studio-lisboa/"]


def test_search_and_pages_api_use_it(client, public):
    data = client.get("/api/v2/search/", {"q": "hub", "locale": "en"}).json()
    assert data["results"]
    assert all(r["url"].startswith(PUBLIC + "/en/") for r in data["results"])
    pages = client.get("/api/v2/pages/", {"type": "knowledgebase.NewsPage"}).json()["items"]
    assert pages[0]["meta"]["html_url"] == PUBLIC + "/en/news/hub-opens/"
    assert pages[0]["meta"]["detail_url"].startswith(PUBLIC + "/api/v2/pages/")


def test_citation_tags_hreflang_and_oai_use_it(client, public):
    html = client.get(public["paper"].url).content.decode()
    tag = re.search(r'name="citation_abstract_html_url" content="([^"]+)"', html)
    assert tag and tag.group(1) == PUBLIC + "/en/policy-papers/micro-grants/"
    assert f'hreflang="x-default" href="{PUBLIC}/en/policy-papers/micro-grants/"' in html
    oai = client.get("/oai/", {"verb": "Identify"}).content.decode()
    assert f"<baseURL>{PUBLIC}/oai/</baseURL>" in oai


def test_open_graph_url_uses_it_whatever_the_host(client, public):
    """Two application servers reached under different hosts write the same
    page (scale-out: benchmarks/scale_out.py compares them)."""
    html = client.get(public["item"].url + "?x=1", HTTP_HOST="localhost").content.decode()
    assert f'<meta property="og:url" content="{PUBLIC}/en/news/hub-opens/?x=1">' in html


def test_open_graph_url_without_it_is_the_request_host(client, settings, tree):
    settings.SITE_URL = ""
    html = client.get(tree["item"].url).content.decode()
    assert '<meta property="og:url" content="http://testserver/en/news/hub-opens/">' in html


def test_robots_txt_names_the_sitemap_on_it(client, settings):
    settings.SITE_URL = PUBLIC
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in response.content.decode().splitlines()


def test_without_site_url_the_request_host_is_used(client, settings, tree):
    settings.SITE_URL = ""
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
    root = xml(client.get("/en/news/feed/rss/").content)
    assert root.findtext("channel/item/link") == "http://testserver/en/news/hub-opens/"


def test_migrate_and_the_command_apply_it(settings, home, capsys):
    settings.SITE_URL = "http://127.0.0.1:8000"
    emit_post_migrate_signal(0, False, "default")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    settings.SITE_URL = PUBLIC
    call_command("set_site_url")
    assert "https://kb.example.org" in capsys.readouterr().out
    assert Site.objects.get(is_default_site=True).root_url == PUBLIC


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://kb.example.org", ("https", "kb.example.org", 443)),
        ("http://127.0.0.1:8000/", ("http", "127.0.0.1", 8000)),
        ("http://localhost", ("http", "localhost", 80)),
    ],
)
def test_parse_good_addresses(url, expected):
    assert parse(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "kb.example.org",
        "ftp://kb.example.org",
        "https://kb.example.org/kb/",
        "https://kb.example.org:8443",
        "http://kb.example.org:99999",
        "http://user@kb.example.org",
        "https://kb.example.org/?a=1",
        "http://:80",
    ],
)
def test_parse_refuses_bad_addresses(url):
    with pytest.raises(ImproperlyConfigured):
        parse(url)


@given(st.text(max_size=60))
def test_parse_never_fails_otherwise(text):
    for url in (text, "http://" + text, "https://kb.example.org:" + text):
        with contextlib.suppress(ImproperlyConfigured):
            parse(url)


def test_contact_email_links_the_page_on_it(client, public, mailoutbox):
    hub = Page.objects.get(pk=public["hub"].pk).specific
    hub.contact_email = "hub@example.org"
    hub.save_revision().publish()
    response = client.post(
        hub.url, {"name": "Ana", "email": "ana@example.com", "message": "Hello", "homepage": ""}
    )
    assert response.status_code == 302
    assert mailoutbox[0].body.endswith(PUBLIC + "/en/partners/studio-lisboa/")
