"""What a page of results shows besides the pages, read in one query
(``facet_counts.facts_and_partners``): each result's date and partners from
its facet rows, and the titles of those partners and of the partner facet's
options, partner pages only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search.facet_counts import facts_and_partners
from search.models import PageFacet

pytestmark = pytest.mark.django_db


def test_dates_partners_and_titles_in_one_query(shared_corpus):
    en = shared_corpus["en"]
    results = [en["funding"].pk, en["athens_paper"].pk, en["news_2024"].pk, en["news"].pk]
    offered = [en["athens"].pk, en["funding"].pk, 10**9]  # a paper and no page: no title
    with CaptureQueriesContext(connection) as captured:
        facts, titles = facts_and_partners(results, offered)
    assert len(captured) == 1
    assert set(facts) == set(results)
    assert facts[en["funding"].pk].partners == {en["berlin"].pk}
    assert facts[en["athens_paper"].pk].partners == {en["athens"].pk}
    assert facts[en["news_2024"].pk].date == datetime.date(2024, 3, 1)
    assert facts[en["news"].pk].partners == set()
    assert titles == {en["berlin"].pk: "Creative House Berlin", en["athens"].pk: "Athens Makers"}


def test_the_same_as_reading_the_rows(shared_corpus):
    pages = list(Page.objects.filter(depth__gt=2).values_list("pk", flat=True))
    facts, titles = facts_and_partners(pages, [])
    for pk in pages:
        rows = PageFacet.objects.filter(page_id=pk)
        partners = {int(v) for v in rows.filter(facet="partner").values_list("value", flat=True)}
        dates = list(rows.filter(facet="date").values_list("value", flat=True))
        assert facts[pk].partners == partners
        assert facts[pk].date == (datetime.date.fromisoformat(dates[0][:10]) if dates else None)
    wanted = {pk for item in facts.values() for pk in item.partners}
    assert titles == dict(Page.objects.filter(pk__in=wanted).values_list("pk", "title"))


def test_nothing_asked_nothing_read():
    assert facts_and_partners([], []) == ({}, {})
