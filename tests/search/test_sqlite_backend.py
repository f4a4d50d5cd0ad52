"""The project's SQLite search backend against Wagtail's own SQLite backend,
on the same pages and the same index: the same results in the same order
with the same scores, but one run of the FTS query per search however many
pages match."""

import pytest
from django.db import connection

if connection.vendor != "sqlite":
    # The modules below look up SQLite-only models when imported.
    pytest.skip("SQLite's FTS5 backend", allow_module_level=True)

from django.core.management import call_command
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend as WagtailSQLiteSearchBackend,
)
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, PlainText

from core.models.taxonomy import Theme
from knowledgebase.models import NewsPage, PolicyPaperPage
from search.backends.sqlite import SQLiteSearchBackend

from .conftest import add

pytestmark = pytest.mark.django_db


@pytest.fixture
def ours():
    backend = get_search_backend()
    assert isinstance(backend, SQLiteSearchBackend)
    return backend


@pytest.fixture
def wagtails():
    return WagtailSQLiteSearchBackend({})


@pytest.fixture
def pages(home):
    """Papers and news under the English home: "zebra" in a title, in a long
    summary, in both."""
    return {
        "title": add(home, PolicyPaperPage, title="Zebra crossings", summary="Streets."),
        "body": add(
            home,
            PolicyPaperPage,
            title="Street art",
            summary="Murals in the old town, painted by local artists over many "
            "summers, show a zebra among the birds, horses and dogs of the city.",
        ),
        "both": add(home, NewsPage, title="Zebra news", summary="Zebra grants for hubs."),
        "hubs": add(home, NewsPage, title="Hub grants", summary="Grants for creative hubs."),
        "other": add(home, PolicyPaperPage, title="Museum funding", summary="No stripes."),
    }


def ranked(results, score_field="_score"):
    return [(page.pk, getattr(page, score_field)) for page in results]


def same_ranking(ours_results, wagtails_results, score_field="_score"):
    ours_ranked = ranked(ours_results, score_field)
    wagtails_ranked = ranked(wagtails_results, score_field)
    assert [pk for pk, _ in ours_ranked] == [pk for pk, _ in wagtails_ranked]
    assert [s for _, s in ours_ranked] == pytest.approx([s for _, s in wagtails_ranked])
    return [pk for pk, _ in ours_ranked]


QUERIES = [
    PlainText("zebra"),
    PlainText("grants hubs"),
    PlainText("grants hubs", operator="or"),
    Or([PlainText("zebra"), PlainText("hub")]),
    And([PlainText("grants"), PlainText("hubs")]),
    And([PlainText("zebra"), Not(PlainText("mural"))]),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_same_results_order_and_scores_as_wagtail(ours, wagtails, pages, query):
    queryset = Page.objects.live()
    pks = same_ranking(ours.search(query, queryset), wagtails.search(query, queryset))
    assert pks
    assert pages["other"].pk not in pks


def test_a_title_match_ranks_above_a_body_match(ours, wagtails, pages):
    queryset = Page.objects.live().specific()
    pks = same_ranking(ours.search("zebra", queryset), wagtails.search("zebra", queryset))
    assert set(pks) == {pages["title"].pk, pages["body"].pk, pages["both"].pk}
    assert pks.index(pages["title"].pk) < pks.index(pages["body"].pk)
    # The best score is the lowest (bm25 is negative).
    scores = [score for _, score in ranked(ours.search("zebra", queryset))]
    assert scores == sorted(scores)


def test_equal_scores_keep_the_newest_page_first(ours, home):
    twins = [add(home, NewsPage, title=f"Okapi {n}", summary="Okapi.") for n in range(3)]
    call_command("update_index", verbosity=0)  # the same title_norm for all
    results = list(ours.search("okapi", Page.objects.live()))
    assert len({page._score for page in results}) == 1
    assert [page.pk for page in results] == sorted((page.pk for page in twins), reverse=True)


def test_score_field_without_relevance_ordering(ours, wagtails, pages):
    # Without an order of its own (Wagtail's page manager orders by path).
    queryset = Page.objects.live().order_by()
    ours_results = ours.search("zebra", queryset, order_by_relevance=False).annotate_score("score")
    wagtails_results = wagtails.search("zebra", queryset, order_by_relevance=False).annotate_score(
        "score"
    )
    pks = same_ranking(ours_results, wagtails_results, "score")
    assert pks == sorted(pks, reverse=True)
    assert all(score < 0 for _, score in ranked(ours_results, "score"))


def test_score_field_with_relevance_ordering(ours, wagtails, pages):
    queryset = Page.objects.live()
    same_ranking(
        ours.search("zebra", queryset).annotate_score("score"),
        wagtails.search("zebra", queryset).annotate_score("score"),
        "score",
    )


def test_without_relevance_ordering_or_scores(ours, wagtails, pages):
    queryset = Page.objects.live().order_by()
    ours_pks = [p.pk for p in ours.search("zebra", queryset, order_by_relevance=False)]
    assert ours_pks == [p.pk for p in wagtails.search("zebra", queryset, order_by_relevance=False)]
    assert ours_pks == sorted(ours_pks, reverse=True)


def test_negated_query(ours, wagtails, pages):
    queryset = Page.objects.live()
    ours_pks = {page.pk for page in ours.search(Not(PlainText("zebra")), queryset)}
    assert ours_pks == {page.pk for page in wagtails.search(Not(PlainText("zebra")), queryset)}
    assert pages["other"].pk in ours_pks
    assert pages["hubs"].pk in ours_pks
    assert not ours_pks & {pages["title"].pk, pages["body"].pk, pages["both"].pk}


def test_the_querysets_filters_apply(ours, wagtails, pages, home):
    draft = add(home, PolicyPaperPage, title="Zebra draft", summary="Zebra.")
    draft.unpublish()
    queryset = Page.objects.live().exclude(pk=pages["both"].pk)
    pks = same_ranking(ours.search("zebra", queryset), wagtails.search("zebra", queryset))
    assert set(pks) == {pages["title"].pk, pages["body"].pk}
    everything = {page.pk for page in ours.search("zebra", Page.objects.all())}
    assert draft.pk in everything


def test_locale_filter(ours, wagtails, corpus):
    de = corpus["de"]["berlin"].locale
    queryset = Page.objects.live().filter(locale=de)
    pks = same_ranking(ours.search("hub", queryset), wagtails.search("hub", queryset))
    assert corpus["de"]["berlin"].pk in pks
    assert corpus["en"]["berlin"].pk not in pks
    assert set(Page.objects.filter(pk__in=pks).values_list("locale", flat=True)) == {de.pk}


def test_a_page_type_finds_only_its_own_pages(ours, wagtails, pages):
    pks = same_ranking(
        ours.search("zebra", NewsPage.objects.live()),
        wagtails.search("zebra", NewsPage.objects.live()),
    )
    assert pks == [pages["both"].pk]


def test_another_models_entry_with_the_same_pk_is_not_a_match(ours, wagtails, pages, locales):
    # A theme whose pk is a page's pk: its index entry has the same object_id.
    Theme.objects.create(pk=pages["other"].pk, name="Zebra", slug="zebra", locale=locales["en"])
    pks = [page.pk for page in ours.search("zebra", Page.objects.live())]
    assert pages["other"].pk not in pks
    assert len(pks) == 3
    assert [theme.name for theme in ours.search("zebra", Theme.objects.all())] == ["Zebra"]


def test_an_object_indexed_twice_is_one_result(ours, wagtails, pages):
    # The same page also indexed as a plain Page (another content type of
    # its hierarchy), as Wagtail's pk IN would also list it once.
    plain = Page.objects.get(pk=pages["title"].pk)
    ours.get_index_for_model(Page).add_items(Page, [plain])
    pks = [page.pk for page in ours.search("zebra", Page.objects.live())]
    assert sorted(pks) == sorted(page.pk for page in wagtails.search("zebra", Page.objects.live()))
    assert len(pks) == len(set(pks)) == 3


def test_count_slice_and_facet(ours, wagtails, pages):
    queryset = Page.objects.live()
    for backend in (ours, wagtails):
        assert backend.search("zebra", queryset).count() == 3
        assert backend.search("zebra", queryset)[1:].count() == 2
        assert len(backend.search("zebra", queryset)[:2]) == 2
    assert ours.search("zebra", queryset).facet("content_type_id") == wagtails.search(
        "zebra", queryset
    ).facet("content_type_id")


def test_autocomplete(ours, wagtails, pages):
    queryset = Page.objects.live()
    pks = same_ranking(ours.autocomplete("zeb", queryset), wagtails.autocomplete("zeb", queryset))
    assert set(pks) == {pages["title"].pk, pages["both"].pk}


def test_fields_restrict_the_match(ours, wagtails, pages):
    queryset = Page.objects.live()
    pks = same_ranking(
        ours.search("zebra", queryset, fields=["title"]),
        wagtails.search("zebra", queryset, fields=["title"]),
    )
    assert set(pks) == {pages["title"].pk, pages["both"].pk}


def test_ranked_results_work_as_a_subquery(ours, pages):
    ranked_ids = ours.search("zebra", Page.objects.live()).get_queryset().values("pk")
    titles = Page.objects.filter(pk__in=ranked_ids).order_by("title")
    assert list(titles.values_list("title", flat=True)) == [
        "Street art",
        "Zebra crossings",
        "Zebra news",
    ]


def run_search(backend, queryset, text):
    with CaptureQueriesContext(connection) as ctx:
        results = [page.pk for page in backend.search(text, queryset)[:100]]
    sql = " ".join(query["sql"] for query in ctx.captured_queries)
    return results, len(ctx.captured_queries), sql.count(" MATCH ")


def test_one_fts_query_however_many_pages_match(
    ours, wagtails, home, django_assert_max_num_queries
):
    queryset = Page.objects.live()
    for n in range(5):
        add(home, NewsPage, title=f"Quagga {n}", summary="A quagga.")
    ours.search("quagga", queryset).count()  # content types are cached from here on
    few, few_queries, few_matches = run_search(ours, queryset, "quagga")
    for n in range(5, 50):
        add(home, NewsPage, title=f"Quagga {n}", summary="A quagga.")
    with django_assert_max_num_queries(1):
        many, many_queries, many_matches = run_search(ours, queryset, "quagga")
    assert (len(few), len(many)) == (5, 50)
    assert few_queries == many_queries == 1
    # The MATCH is run once, in the join; Wagtail's backend runs it once
    # more per result, in a scalar subquery naming that result's pk.
    assert few_matches == many_matches == 1
    _, _, wagtails_matches = run_search(wagtails, queryset, "quagga")
    assert wagtails_matches == 2
