"""Facet rows: written when a page is indexed and again when it is
published, refreshed for a partner's pages when the partner changes, gone
with the page; and facet counts over every match in a bounded number of
queries."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.models import Theme
from knowledgebase.models import NewsPage
from search import query
from search.models import PageFacet

from .conftest import add, on_postgres

pytestmark = pytest.mark.django_db


def rows(page) -> set[tuple[str, str]]:
    return set(PageFacet.objects.filter(page=page).values_list("facet", "value"))


def test_a_published_page_has_its_facet_rows(corpus):
    paper = corpus["en"]["funding"]
    theme = Theme.objects.filter(locale__language_code="en").first()
    paper.themes.add(theme)
    paper.save_revision().publish()
    found = rows(paper)
    assert ("type", str(paper.content_type_id)) in found
    assert ("theme", theme.slug) in found
    # In Berlin's section: Berlin is its partner and Germany its country.
    assert ("partner", str(corpus["en"]["berlin"].pk)) in found
    assert ("country", "DE") in found
    assert ("document", "no") in found
    assert {facet for facet, _value in found} >= {"year", "date"}


def test_rows_follow_the_partner_and_go_with_the_page(corpus):
    berlin = corpus["en"]["berlin"]
    paper = corpus["en"]["funding"]
    berlin.country = "AT"
    berlin.save_revision().publish()
    assert ("country", "AT") in rows(paper)
    assert ("country", "DE") not in rows(paper)
    pk = paper.pk
    paper.delete()
    assert not PageFacet.objects.filter(page_id=pk).exists()


def test_counts_cover_every_match_and_queries_stay_bounded(corpus, monkeypatch):
    index = corpus["en"]["news"]
    english = corpus["en"]["funding"].locale

    def search(**params):
        data = QueryDict(mutable=True)
        for key, value in params.items():
            data[key] = value
        with translation.override("en"):
            return query.run_search(query.parse_params(data), english)

    def queries_for(**params):
        search(**params)
        with CaptureQueriesContext(connection) as captured:
            outcome = search(**params)
        return outcome, len(captured)

    def add_meetings(numbers):
        for i in numbers:
            day = datetime.date(2023, 1, i + 1)
            add(index, NewsPage, title=f"Symposium {i}", summary="Symposium.", date=day)

    add_meetings(range(3))
    few, few_queries = queries_for(q="symposium")
    add_meetings(range(3, 12))
    many, many_queries = queries_for(q="symposium")
    assert (few.total, many.total) == (3, 12)
    # PostgreSQL may even run one query less: twelve title matches fill the
    # first page without ranking text-only matches.
    assert many_queries <= few_queries

    # Counts and totals cover every match, not only the best MAX_HITS
    # (PostgreSQL lists every match; other backends count their best hits).
    monkeypatch.setattr(query, "MAX_HITS", 5)
    outcome = search(q="symposium", year="2023")
    years = {o["value"]: o["count"] for o in outcome.facets["year"]}
    expected = 12 if on_postgres() else 5
    assert outcome.total == expected
    assert years["2023"] == expected
    assert len(outcome.results) == min(expected, query.PAGE_SIZE)
