import datetime
import xml.etree.ElementTree as ET

import pytest

from .conftest import make_document, make_event, make_guideline, make_news, make_paper, make_story

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(data: bytes):
    return ET.fromstring(data)  # noqa: S314 - our own server's feed, in a test


@pytest.fixture
def news_items(indexes):
    parent = indexes["news"]
    items = [
        make_news(parent, "First & <oldest>", date=datetime.date(2025, 1, 1)),
        make_event(parent, "Summer school", date=datetime.date(2025, 6, 1)),
        make_news(parent, "Latest", date=datetime.date(2025, 9, 1)),
    ]
    draft = make_news(parent, "Draft only", date=datetime.date(2025, 10, 1))
    draft.unpublish()
    return items


def test_rss_feed(client, indexes, news_items):
    response = client.get("/en/news/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_xml(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Latest", "Summer school", "First & <oldest>"]
    assert items[0].findtext("link") == "http://testserver" + news_items[2].url
    assert items[0].findtext("pubDate").startswith("Mon, 01 Sep 2025")


def test_atom_feed(client, indexes, news_items):
    response = client.get("/en/news/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse_xml(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Latest",
        "Summer school",
        "First & <oldest>",
    ]
    assert entries[1].find(f"{ATOM}link").get("href") == "http://testserver" + news_items[1].url
    assert (
        root.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/en/news/feed/atom/"
    )


def test_feed_of_a_locale_has_only_that_locale(client, indexes, news_items, translate):
    german_index = translate(indexes["news"], "de")
    translate(news_items[2], "de", {"Latest": "Neueste"})
    root = parse_xml(client.get(german_index.url + "feed/rss/").content)
    assert root.find("channel").findtext("language") == "de"
    assert [i.findtext("title") for i in root.iter("item")] == ["Neueste"]


def test_news_index_links_its_feeds(client, indexes):
    html = client.get(indexes["news"].url).content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/en/news/feed/rss/"' in html
    assert 'href="/en/news/feed/atom/"' in html


def test_unknown_sub_route_is_404(client, indexes):
    assert client.get("/en/news/feed/json/").status_code == 404


def _count_queries(client, url, django_assert_max_num_queries, limit):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("kind", ["papers", "guidelines", "stories", "news"])
def test_index_queries_do_not_grow_with_items(client, indexes, django_assert_max_num_queries, kind):
    makers = {
        "papers": lambda p: make_paper(
            p, themes=["finance"], authors=[("A B", "X"), ("C D", "Y")], document=document
        ),
        "guidelines": lambda p: make_guideline(p, document=document),
        "stories": lambda p: make_story(p, sectors=["music"], themes=["finance"]),
        "news": lambda p: (make_news(p), make_event(p)),
    }
    document = make_document("Shared")
    url = indexes[kind].url
    for _ in range(2):
        makers[kind](indexes[kind])
    few = _count_queries(client, url, django_assert_max_num_queries, 40)
    for _ in range(10):
        makers[kind](indexes[kind])
    many = _count_queries(client, url, django_assert_max_num_queries, 40)
    # Page one of many items may hold fewer page types (fewer queries), never more.
    assert many <= few
    filtered = _count_queries(
        client, url + "?theme=finance&year=2025", django_assert_max_num_queries, 40
    )
    assert filtered <= few + 2


def test_detail_queries_do_not_grow_with_authors(client, indexes, django_assert_max_num_queries):
    document = make_document("Doc")
    few = make_paper(
        indexes["papers"], authors=[("A B", "X")], themes=["finance"], document=document
    )
    many = make_paper(
        indexes["papers"],
        authors=[(f"Author {n}", f"Place {n}") for n in range(15)],
        themes=["finance", "intellectual-property"],
        document=document,
    )
    count_few = _count_queries(client, few.url, django_assert_max_num_queries, 30)
    count_many = _count_queries(client, many.url, django_assert_max_num_queries, 30)
    assert count_many == count_few


@pytest.mark.parametrize("maker", [make_guideline, make_story, make_news, make_event])
def test_other_detail_pages_are_bounded(client, indexes, django_assert_max_num_queries, maker):
    parent = {make_guideline: "guidelines", make_story: "stories"}.get(maker, "news")
    page = maker(indexes[parent])
    _count_queries(client, page.url, django_assert_max_num_queries, 30)
