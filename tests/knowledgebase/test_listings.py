import datetime

import pytest

from .conftest import make_event, make_guideline, make_news, make_paper, make_story

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items"]]


@pytest.fixture
def papers(indexes):
    parent = indexes["papers"]
    return {
        "a": make_paper(
            parent,
            "Alpha",
            themes=["finance"],
            sectors=["music"],
            countries=["PT", "ES"],
            audiences=["educators"],
            date=datetime.date(2024, 2, 1),
        ),
        "b": make_paper(
            parent,
            "Bravo",
            themes=["finance", "intellectual-property"],
            sectors=["design"],
            countries=["DE"],
            date=datetime.date(2025, 5, 1),
        ),
        "c": make_paper(
            parent,
            "Charlie",
            themes=["working-conditions"],
            sectors=["music"],
            countries=["IT"],
            audiences=["policy-makers"],
            date=datetime.date(2025, 9, 1),
        ),
    }


def test_index_lists_every_live_paper_newest_first(client, papers, indexes):
    papers["a"].unpublish()
    response = client.get(indexes["papers"].url)
    assert response.status_code == 200
    assert titles(response) == ["Charlie", "Bravo"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "finance"}, ["Bravo", "Alpha"]),
        ({"theme": "finance", "sector": "music"}, ["Alpha"]),
        ({"sector": "music", "year": "2025"}, ["Charlie"]),
        ({"country": "pt"}, ["Alpha"]),
        ({"country": ["DE", "IT"]}, ["Charlie", "Bravo"]),
        ({"audience": "policy-makers"}, ["Charlie"]),
        ({"theme": "finance", "year": "2023"}, []),
        ({"theme": ["finance", "working-conditions"], "sector": "music"}, ["Charlie", "Alpha"]),
    ],
)
def test_filters_combine(client, papers, indexes, query, expected):
    response = client.get(indexes["papers"].url, query)
    assert response.status_code == 200
    assert titles(response) == expected


def test_empty_values_from_the_form_mean_any(client, papers, indexes):
    query = "?theme=&sector=music&audience=&country=&partner=&year="
    response = client.get(indexes["papers"].url + query)
    assert response.status_code == 200
    assert titles(response) == ["Charlie", "Alpha"]


def test_empty_result_says_so(client, papers, indexes):
    response = client.get(indexes["papers"].url, {"theme": "finance", "year": "2023"})
    assert "Nothing matches these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "no-such-theme"},
        {"year": "twenty"},
        {"year": "99999999999999999999"},
        {"country": "XX"},
        {"sector": "<script>"},
        {"partner": "nobody"},
    ],
)
def test_invalid_filters_are_400_not_500(client, papers, indexes, query):
    response = client.get(indexes["papers"].url, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters in this link are not valid" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_bad_page_number_is_ignored(client, papers, indexes):
    for value in ("abc", "-1", "999"):
        assert client.get(indexes["papers"].url, {"page": value}).status_code == 200


def test_pagination_keeps_filters(client, indexes):
    for n in range(14):
        make_paper(
            indexes["papers"], f"P{n:02}", themes=["finance"], date=datetime.date(2020, 1, n + 1)
        )
    first = client.get(indexes["papers"].url, {"theme": "finance"})
    assert len(first.context["items"]) == 12
    assert "?theme=finance&amp;page=2" in first.content.decode()
    second = client.get(indexes["papers"].url, {"theme": "finance", "page": "2"})
    assert titles(second) == ["P01", "P00"]


def test_pages_in_a_partner_section_are_listed_and_filter_by_partner(client, indexes, partner):
    make_paper(indexes["papers"], "Central")
    make_paper(partner, "From the hub")
    linked = make_paper(indexes["papers"], "Linked")
    linked.partners = [partner]
    linked.save_revision().publish()
    assert set(titles(client.get(indexes["papers"].url))) == {"Central", "From the hub", "Linked"}
    response = client.get(indexes["papers"].url, {"partner": partner.slug})
    assert set(titles(response)) == {"From the hub", "Linked"}


def test_other_indexes_list_their_types(client, indexes):
    make_guideline(indexes["guidelines"], "Guide one")
    make_story(indexes["stories"], "Story one", country="PL", sectors=["crafts"])
    make_story(indexes["stories"], "Story two", country="GR", sectors=["music"])
    assert titles(client.get(indexes["guidelines"].url)) == ["Guide one"]
    response = client.get(indexes["stories"].url, {"country": "GR"})
    assert titles(response) == ["Story two"]
    response = client.get(indexes["stories"].url, {"sector": "crafts"})
    assert titles(response) == ["Story one"]


def test_news_index_mixes_news_and_events_by_date(client, indexes):
    make_news(indexes["news"], "Older news", date=datetime.date(2025, 1, 1))
    make_event(indexes["news"], "Event in May", date=datetime.date(2025, 5, 1))
    make_news(indexes["news"], "Newest news", date=datetime.date(2025, 7, 1))
    response = client.get(indexes["news"].url)
    assert titles(response) == ["Newest news", "Event in May", "Older news"]
    assert titles(client.get(indexes["news"].url, {"country": "IT"})) == ["Event in May"]
    assert titles(client.get(indexes["news"].url, {"year": "2025", "theme": "finance"})) == []
