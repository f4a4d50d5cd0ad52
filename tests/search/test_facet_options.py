"""Each facet offers its most frequent values (for the year, the newest),
at most ``MAX_FACET_OPTIONS``, and every selected one; the rest is said as
a number, on the page and in the API."""

import datetime

import pytest
from bs4 import BeautifulSoup

from knowledgebase.models import NewsPage
from search import query

from .conftest import add

pytestmark = pytest.mark.django_db

YEARS = range(2008, 2024)  # 16 years, so 4 are not offered


@pytest.fixture
def meetings(corpus):
    for code in ("en", "de"):
        for year in YEARS:
            add(
                corpus[code]["news"],
                NewsPage,
                title=f"Symposium {year}",
                summary="Symposium.",
                date=datetime.date(year, 6, 1),
            )
        # A second page in 2009: counts differ, the order stays by year.
        add(
            corpus[code]["news"],
            NewsPage,
            title="Symposium again",
            summary="Symposium.",
            date=datetime.date(2009, 9, 1),
        )
    return corpus


def facet_links(response, facet) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select(f'a[data-facet="{facet}"]')]


def more_text(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [p.get_text(" ", strip=True) for p in soup.select(".search-facet__more")]


def test_the_newest_years_are_offered_and_the_rest_counted(client, meetings):
    assert query.MAX_FACET_OPTIONS == 12
    response = client.get("/en/search/", {"q": "symposium"})
    assert response.status_code == 200
    links = facet_links(response, "year")
    assert links == [f"{year} (1)" for year in range(2023, 2011, -1)]
    assert more_text(response) == ["and 4 more: add a word or a filter to see them"]


def test_a_selected_value_beyond_the_cut_is_offered(client, meetings):
    response = client.get("/en/search/", {"q": "symposium", "year": "2009"})
    links = facet_links(response, "year")
    assert len(links) == 13
    assert links[-1].endswith("2009 (2)")
    assert "Remove filter" in links[-1]
    assert more_text(response) == ["and 3 more: add a word or a filter to see them"]
    assert len(response.context["outcome"].results) == 2


def test_a_facet_within_the_cut_says_nothing_more(client, meetings):
    response = client.get("/en/search/", {"q": "symposium", "year": "2009"})
    assert response.context["outcome"].facets["type"].more == 0
    assert len(facet_links(response, "type")) == 1


def test_the_api_gives_the_same_cut(client, meetings):
    data = client.get("/api/v2/search/", {"q": "symposium", "locale": "en"}).json()
    assert [o["value"] for o in data["facets"]["year"]] == [str(y) for y in range(2023, 2011, -1)]
    assert data["facet_more"]["year"] == 4
    assert data["facet_more"]["type"] == 0
    assert set(data["facet_more"]) == set(data["facets"])


def test_the_cut_in_german(client, meetings):
    response = client.get("/de/search/", {"q": "symposium"})
    assert response.status_code == 200
    assert len(facet_links(response, "year")) == 12
    assert more_text(response) == ["und 4 weitere: Ein weiteres Wort oder ein Filter zeigt sie"]
