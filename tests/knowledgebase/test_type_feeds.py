"""Feeds per type, theme and partner, read with feedparser, and their
``<link rel="alternate">`` in the page head."""

import datetime

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import Theme

from .conftest import make_guideline, make_news, make_paper, make_story, term

pytestmark = pytest.mark.django_db


def with_themes(page, *slugs):
    page.themes = [term(Theme, slug) for slug in slugs]
    page.save_revision().publish()
    return page


def read(response):
    assert response.status_code == 200, response.content[:300]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.fixture
def content(indexes, partner):
    paper = make_paper(indexes["papers"], "Finance paper", themes=["finance"])
    make_paper(indexes["papers"], "IP paper", themes=["intellectual-property"])
    with_themes(make_guideline(indexes["guidelines"], "Guide on money"), "finance")
    story = make_story(partner, "Hub story")  # in the partner's own section
    news = make_news(indexes["news"], "Plain news", date=datetime.date(2025, 2, 1))
    draft = make_paper(indexes["papers"], "Draft paper", themes=["finance"])
    draft.unpublish()
    return {"paper": paper, "story": story, "news": news}


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        ("/en/policy-papers/feed/", {"Finance paper", "IP paper"}),
        ("/en/guidelines/feed/", {"Guide on money"}),
        ("/en/case-stories/feed/", {"Hub story"}),
        ("/en/news/feed/", {"Plain news"}),
    ],
)
def test_each_listing_has_its_feed(client, content, url, titles):
    feed = read(client.get(url))
    assert {entry.title for entry in feed.entries} == titles
    assert feed.feed.language == "en"


def test_theme_feed_covers_every_type(client, content):
    feed = read(client.get("/en/feeds/?theme=finance"))
    assert {entry.title for entry in feed.entries} == {"Finance paper", "Guide on money"}
    assert feed.feed.title.endswith(": Finance")


def test_partner_feed_holds_its_section(client, content, partner):
    feed = read(client.get(f"/en/feeds/?partner={partner.slug}"))
    assert [entry.title for entry in feed.entries] == ["Hub story"]
    assert feed.entries[0].link == "http://testserver" + content["story"].url


def test_atom_variant_and_bad_filters(client, content):
    feed = read(client.get("/en/feeds/?format=atom"))
    assert feed.version == "atom10"
    assert len(feed.entries) == 5
    assert client.get("/en/feeds/?theme=no-such-theme").status_code == 400
    assert client.get("/en/feeds/?format=json").status_code == 400
    assert client.get("/en/feeds/?year=%C2%B2").status_code == 400


def test_pages_announce_their_feeds(client, content, partner):
    html = client.get("/en/policy-papers/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/policy-papers/feed/"' in html
    hub = client.get(partner.url).content.decode()
    assert f'href="/en/feeds/?partner={partner.slug}"' in hub


def test_feed_queries_do_not_grow_with_items(client, content, indexes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            read(client.get("/en/feeds/?theme=finance"))
        return len(queries)

    count()  # warms the per-request caches (site root paths)
    before = count()
    for n in range(6):  # more items of the types already listed (one query per type)
        make_paper(indexes["papers"], f"More {n}", themes=["finance"])
        with_themes(make_guideline(indexes["guidelines"], f"Guide {n}"), "finance")
    count()  # publishing forgot the cached page chrome: warm it again
    assert count() == before


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    name=st.sampled_from(["theme", "sector", "partner", "country", "year", "format", "page"]),
    value=st.text(min_size=0, max_size=40),
)
def test_feed_parameters_never_fail(client, indexes, name, value):
    response = client.get("/en/feeds/", {name: value})
    assert response.status_code in (200, 400)
