"""PostgreSQL: each index row keeps its page's facets, and the facet counts
read them there. They must say what the facet rows say, after every way a
page's facets change."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.models import Theme
from search import facet_counts, facet_rows, query
from search.backends import searching_locale

from .conftest import on_postgres

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not on_postgres(), reason="the index rows are PostgreSQL's"),
]


def kept(page) -> list[str]:
    from search.models import LocaleIndexEntry

    entry = LocaleIndexEntry.objects.get(
        content_type_id=page.content_type_id, object_id=str(page.pk)
    )
    return sorted(entry.facets)


def expected(page) -> list[str]:
    from search.models import PageFacet

    rows = PageFacet.objects.filter(page=page).exclude(facet="date")
    return sorted(f"{facet}:{value}" for facet, value in rows.values_list("facet", "value"))


def test_an_index_row_keeps_what_the_facet_rows_say(corpus):
    for code in ("en", "de"):
        for page in corpus[code].values():
            assert kept(page) == expected(page), page.title
    assert "country:DE" in kept(corpus["en"]["funding"])


def test_links_saved_after_indexing_reach_the_index_row(corpus):
    paper = corpus["en"]["funding"]
    theme = Theme.objects.filter(locale__language_code="en").first()
    paper.themes.add(theme)
    paper.save_revision().publish()
    assert f"theme:{theme.slug}" in kept(paper)
    assert kept(paper) == expected(paper)


def test_a_partner_change_reaches_the_index_rows_of_its_section(corpus):
    berlin = corpus["en"]["berlin"]
    berlin.country = "AT"
    berlin.save_revision().publish()
    paper = corpus["en"]["funding"]
    assert "country:AT" in kept(paper)
    assert "country:DE" not in kept(paper)
    assert kept(paper) == expected(paper)


SELECTIONS = [
    {},
    {"year": ["2024"]},
    {"year": ["2024", "2025"]},
    {"country": ["DE"], "document": ["no"]},
    {"country": ["GR", "DE"], "year": ["2025"]},
    {"type": ["0"], "theme": ["nothing: at all"]},
]


@pytest.mark.parametrize("selected", SELECTIONS)
def test_counts_from_index_rows_equal_counts_from_facet_rows(corpus, selected):
    english = corpus["en"]["funding"].locale
    backend = query.get_search_backend()
    with translation.override("en"), searching_locale(english.pk):
        for words in ("funding", "makers", "hub"):
            pages = backend.matching(query.base_queryset(english), words)
            from_rows = facet_counts.count(pages, selected, in_index=False)
            from_index = facet_counts.count(pages, selected, in_index=True)
            assert from_index == from_rows, (words, selected)
            assert from_index.found == pages.count()
    assert facet_counts.count(pages, {}, True).counts["type"]  # something was counted


def test_a_search_counts_from_the_index_rows_in_one_query(corpus):
    english = corpus["en"]["funding"].locale
    data = QueryDict("q=funding&country=DE")
    with translation.override("en"), CaptureQueriesContext(connection) as captured:
        outcome = query.run_search(query.parse_params(data), english)
    assert outcome.total == 1
    assert outcome.results[0].page.pk == corpus["en"]["funding"].pk
    counting = [q["sql"] for q in captured if "unnest" in q["sql"]]
    assert len(counting) == 1
    # Neither a join to the facet rows nor a separate "did it match" query.
    assert "search_pagefacet" not in counting[0]
    assert not [q for q in captured if "WITH m AS" in q["sql"] and "unnest" not in q["sql"]]
    assert not [q for q in captured if q["sql"].endswith("LIMIT 1") and "@@" in q["sql"]]


def test_the_migration_fills_the_index_rows_from_the_facet_rows(corpus):
    from importlib import import_module

    from search.models import LocaleIndexEntry

    fill = import_module("search.migrations.0006_index_entry_facets").FILL
    LocaleIndexEntry.objects.update(facets=[])
    with connection.cursor() as cursor:
        cursor.execute(fill)
    for page in corpus["en"].values():
        assert kept(page) == expected(page), page.title
    assert "country:DE" in kept(corpus["en"]["funding"])
    # In the indexer's own order: a publish that changes nothing then
    # rewrites nothing.
    paper = corpus["en"]["funding"]
    entry = LocaleIndexEntry.objects.get(object_id=str(paper.pk))
    assert entry.facets == facet_rows.index_row_facets(facet_rows.page_facts([paper])[paper.pk])
    assert facet_counts.FACETS == FACETS_IN_MIGRATION


FACETS_IN_MIGRATION = [
    "type",
    "theme",
    "sector",
    "country",
    "partner",
    "year",
    "document",
    "instrument",
    "deadline",
]


def test_a_publish_that_changes_no_facet_leaves_the_index_row_alone(corpus):
    from search.models import LocaleIndexEntry

    paper = corpus["en"]["funding"]
    entry = LocaleIndexEntry.objects.filter(object_id=str(paper.pk))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ctid::text FROM search_localeindexentry WHERE id = %s", [entry[0].pk]
        )
        before = cursor.fetchone()[0]
        query.get_search_backend().write_index_row_facets(facet_rows.page_facts([paper]))
        cursor.execute(
            "SELECT ctid::text FROM search_localeindexentry WHERE id = %s", [entry[0].pk]
        )
        assert cursor.fetchone()[0] == before
