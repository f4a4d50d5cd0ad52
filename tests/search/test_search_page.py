import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from knowledgebase.models import NewsPage, PolicyPaperPage
from search.query import MAX_PAGE, MAX_QUERY_LENGTH

from .conftest import on_postgres

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]+)</a>', html)


def api(client, **params):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_search_finds_pages_with_highlight(client, shared_corpus):
    response = client.get("/en/search/", {"q": "funding"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Funding for creative hubs" in titles(html)
    assert "public <mark>funding</mark> reaches" in html


def test_each_result_shows_type_date_and_partner(client, shared_corpus):
    html = client.get("/en/search/", {"q": "funding"}).content.decode()
    paper = html[html.index("Funding for creative hubs") :]
    paper = paper[: paper.index("</li>")]
    assert "Policy paper" in paper
    assert "Creative House Berlin" in paper
    news = html[html.index("Funding call opens") :]
    assert '<time datetime="2024-03-01">' in news[: news.index("</li>")]


def test_search_in_german_returns_only_german_pages(client, shared_corpus):
    data = api(client, q="hub", locale="de")
    assert data["results"]
    for result in data["results"]:
        assert "/de/" in result["url"]
    html = client.get("/de/search/", {"q": "Hub"}).content.decode()
    assert "Kreativhaus Berlin" in titles(html)
    assert "Creative House Berlin" not in titles(html)


def test_german_stemming_on_postgres(client, shared_corpus):
    if not on_postgres():
        pytest.skip("stemming needs PostgreSQL; SQLite has none")
    html = client.get("/de/search/", {"q": "Förderungen"}).content.decode()
    assert "Förderung für Kreativ-Hubs" in titles(html)
    # The highlight marks the stemmed word too.
    assert "<mark>Förderung</mark>" in html


def test_english_query_is_stemmed_with_english_rules(client, shared_corpus):
    if not on_postgres():
        pytest.skip("stemming needs PostgreSQL")
    data = api(client, q="fundings", locale="en")
    assert "Funding for creative hubs" in [r["title"] for r in data["results"]]


def test_facet_counts_for_a_combined_filter(client, shared_corpus):
    paper_type = str(ContentType.objects.get_for_model(PolicyPaperPage).pk)
    news_type = str(ContentType.objects.get_for_model(NewsPage).pk)
    data = api(client, q="funding", locale="en", type=paper_type, country="DE")
    assert [r["title"] for r in data["results"]] == ["Funding for creative hubs"]
    assert data["total"] == 1
    facets = {f: {o["value"]: o["count"] for o in opts} for f, opts in data["facets"].items()}
    # Countries are counted among papers (the other selected facet): DE and GR.
    assert facets["country"] == {"DE": 1, "GR": 1}
    # Types are counted among German matches: the paper and the Berlin hub?
    # The hub's text has no "funding", so only the paper.
    assert facets["type"] == {paper_type: 1}
    # Without the country filter, the news item is there too.
    data = api(client, q="funding", locale="en")
    facets = {f: {o["value"]: o["count"] for o in opts} for f, opts in data["facets"].items()}
    assert facets["type"] == {paper_type: 2, news_type: 1}
    assert facets["year"]["2024"] == 1
    assert facets["partner"] == {
        str(shared_corpus["en"]["berlin"].pk): 1,
        str(shared_corpus["en"]["athens"].pk): 1,
    }
    assert facets["document"] == {"no": 3}


def test_facet_links_keep_the_query_and_narrow(client, shared_corpus):
    html = client.get("/en/search/", {"q": "funding"}).content.decode()
    link = re.search(r'href="(\?q=funding&amp;country=GR)"', html)
    assert link, "a country facet link that keeps the query"
    narrowed = client.get("/en/search/" + link.group(1).replace("&amp;", "&")).content.decode()
    assert titles(narrowed) == ["Funding rules in Greece"]
    assert 'aria-current="true"' in narrowed


def test_sort_links_keep_the_query_and_filters_and_go_back_to_page_one(client, shared_corpus):
    query = {"q": "funding", "country": "GR", "page": "2"}
    html = client.get("/en/search/", query).content.decode()
    assert 'href="?q=funding&amp;country=GR&amp;sort=date"' in html
    html = client.get("/en/search/", {**query, "sort": "date"}).content.decode()
    assert 'href="?q=funding&amp;country=GR">' in html  # relevance: the default, no "sort"


def test_sort_by_date(client, shared_corpus):
    data = api(client, q="funding", locale="en", sort="date")
    dates = [r["date"] for r in data["results"]]
    assert dates == sorted(dates, reverse=True)
    assert dates[-1] == "2024-03-01"


def test_promoted_results_come_first(client, shared_corpus):
    query = Query.get("funding")
    SearchPromotion.objects.create(
        query=query, page=shared_corpus["en"]["news_2025"], description="Editors' pick"
    )
    data = api(client, q="Funding", locale="en")
    assert data["promoted"][0]["title"] == "Festival of makers"
    assert data["promoted"][0]["promoted"] is True
    html = client.get("/en/search/", {"q": "funding"}).content.decode()
    assert titles(html)[0] == "Festival of makers"
    assert "Recommended by our editors" in html


def test_suggest_returns_titles(client, shared_corpus):
    response = client.get("/en/search/suggest/", {"q": "fund"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert "Funding for creative hubs" in [t["title"] for t in data["titles"]]
    assert all(t["url"].startswith("/en/") for t in data["titles"])


def test_api_matches_the_page(client, shared_corpus):
    html = client.get("/en/search/", {"q": "funding", "sort": "date"}).content.decode()
    data = api(client, q="funding", locale="en", sort="date")
    assert [r["title"] for r in data["results"]] == titles(html)
    assert f"{data['total']} results" in html


def test_api_unknown_locale_is_400(client, shared_corpus):
    response = client.get("/api/v2/search/", {"q": "funding", "locale": "xx"})
    assert response.status_code == 400
    assert response.json()["error"] == "unknown locale"


def test_html_in_query_and_content_is_escaped(client, shared_corpus):
    shared_corpus["en"]["funding"].summary = "<script>alert(1)</script> funding <b>bold</b>"
    shared_corpus["en"]["funding"].save_revision().publish()
    html = client.get("/en/search/", {"q": "<script>funding"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html or "alert(1)" in html


def test_query_length_and_page_number_are_limited(client, shared_corpus):
    data = api(client, q="funding " * 100, locale="en", page="99999")
    assert len(data["query"]) <= MAX_QUERY_LENGTH
    assert data["page"] <= MAX_PAGE
    assert len(data["messages"]) == 2


def test_did_you_mean(client, shared_corpus):
    data = api(client, q="festivl", locale="en")
    assert data["did_you_mean"] == "festival"
    # With a filter too: the words themselves match nothing.
    data = api(client, q="festivl", locale="en", year="2025")
    assert data["did_you_mean"] == "festival"


def test_no_spelling_help_when_only_the_filter_leaves_nothing(client, shared_corpus):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        data = api(client, q="funding", locale="en", year="1999")
    assert data["total"] == 0
    assert data["did_you_mean"] is None
    # The titles' vocabulary was not read: its key asks for the last publication.
    assert not [q for q in captured.captured_queries if "MAX(" in q["sql"].upper()]


def test_landing_without_query(client, shared_corpus):
    response = client.get("/en/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Latest papers" in html
    assert "Funding for creative hubs" in html


def test_search_query_count_is_bounded(client, shared_corpus, django_assert_max_num_queries):
    client.get("/en/search/", {"q": "funding"})
    with django_assert_max_num_queries(40):
        assert client.get("/en/search/", {"q": "hub"}).status_code == 200


def test_theme_sector_partner_facets_from_the_real_fields(client, shared_corpus):
    from core.models import Sector, Theme

    paper = shared_corpus["en"]["funding"]
    theme = Theme.objects.filter(locale__language_code="en").first()
    sector = Sector.objects.filter(locale__language_code="en").first()
    paper.themes.add(theme)
    paper.sectors.add(sector)
    paper.partners.add(shared_corpus["en"]["athens"])
    paper.save_revision().publish()

    data = api(client, q="funding", locale="en", theme=theme.slug)
    assert [r["title"] for r in data["results"]] == ["Funding for creative hubs"]
    facets = {f: {o["value"]: o["count"] for o in opts} for f, opts in data["facets"].items()}
    assert facets["sector"] == {sector.slug: 1}
    # Its own partner (the section it lives in) and the one it names.
    assert facets["partner"] == {
        str(shared_corpus["en"]["berlin"].pk): 1,
        str(shared_corpus["en"]["athens"].pk): 1,
    }
    labels = {o["value"]: o["label"] for o in data["facets"]["theme"]}
    assert labels[theme.slug] == theme.name

    landing = client.get("/en/search/").content.decode()
    assert f'href="?theme={theme.slug}"' in landing


def test_suggest_returns_skills_in_the_active_language(client, shared_corpus):
    from learning.models import Skill, SkillLabel

    skill = Skill.objects.create(uri="http://data.europa.eu/esco/skill/test-fundraising")
    SkillLabel.objects.create(concept=skill, language="en", preferred_label="apply for funding")
    SkillLabel.objects.create(concept=skill, language="el", preferred_label="Αίτηση Χρηματοδότησης")

    assert "apply for funding" in client.get("/en/search/suggest/", {"q": "Fund"}).json()["skills"]
    # Case-folded matching works for Greek on SQLite as well as PostgreSQL.
    greek = client.get("/el/search/suggest/", {"q": "χρηματοδότ"}).json()["skills"]
    assert greek == ["Αίτηση Χρηματοδότησης"]
    assert client.get("/de/search/suggest/", {"q": "fund"}).json()["skills"] == []
