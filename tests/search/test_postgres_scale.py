"""The PostgreSQL backend's large-corpus machinery, checked against Wagtail's
own behaviour on real pages: two-step ranking gives Wagtail's order, index
rows carry their locale and a search reads only its locale's rows, every
match is listed unranked, and indexing costs a bounded number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import PostgresSearchResults
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from knowledgebase.models import NewsPage
from search.backends import few_matches, searching_locale
from search.query import base_queryset

from .conftest import add, on_postgres

if not on_postgres():  # the backend's index table exists only there
    pytest.skip("PostgreSQL backend only", allow_module_level=True)

from search.backends.postgres import LocalePostgresSearchBackend  # noqa: E402

pytestmark = pytest.mark.django_db


class WagtailRanked(LocalePostgresSearchBackend):
    """Our backend with Wagtail's one-query ranking, for comparison."""

    results_class = PostgresSearchResults


@pytest.fixture
def news_corpus(home):
    """Four pages named after "cooperative", eight that only mention it
    (each a different number of times), two that never do."""
    index = add(home, NewsPage, title="News hub")
    pages = []
    for i in range(4):
        pages.append(add(index, NewsPage, title=f"Cooperative studio {i}", summary="A studio."))
    for i in range(8):
        text = " ".join(["A cooperative of makers."] * (i + 1))
        pages.append(add(index, NewsPage, title=f"Makers note {i}", summary=text))
    for i in range(2):
        add(index, NewsPage, title=f"Unrelated {i}", summary="Film and music.")
    return pages


def ids(backend, queryset, start, stop, text="cooperative"):
    with translation.override("en"):
        return [page.pk for page in backend.search(text, queryset, operator="and")[start:stop]]


@pytest.mark.parametrize("window", [(0, 3), (2, 6), (4, 12), (3, None), (11, 20), (0, None)])
def test_two_step_ranking_gives_wagtails_order(news_corpus, window):
    queryset = base_queryset(Locale.objects.get(language_code="en")).specific(defer=True)
    ours = ids(get_search_backend(), queryset, *window)
    wagtails = ids(WagtailRanked({}), queryset, *window)
    assert ours == wagtails
    assert ours  # every window asked for holds results
    # Title matches first, then the text-only ones with most mentions first.
    everything = ids(get_search_backend(), queryset, 0, None)
    assert everything[:4] == sorted(everything[:4], reverse=True)
    assert everything[4:] == [page.pk for page in reversed(news_corpus[4:])]


@pytest.mark.parametrize("window", [(0, 3), (2, 6), (4, 12), (3, None), (11, 20), (0, None)])
def test_a_few_matches_are_ranked_in_one_query_in_the_same_order(news_corpus, window):
    queryset = base_queryset(Locale.objects.get(language_code="en")).specific(defer=True)
    two_steps = ids(get_search_backend(), queryset, *window)
    with few_matches(), CaptureQueriesContext(connection) as queries:
        one_query = ids(get_search_backend(), queryset, *window)
    assert one_query == two_steps == ids(WagtailRanked({}), queryset, *window)
    assert one_query
    assert len(queries) == 1


@pytest.mark.parametrize("window", [(0, 3), (2, 6), (0, None)])
def test_autocomplete_takes_the_same_path(news_corpus, window):
    """The admin's searches autocomplete: the same results class ranks them,
    in Wagtail's order, with scores."""
    queryset = base_queryset(Locale.objects.get(language_code="en")).specific(defer=True)
    found = {}
    for name, backend in (("ours", get_search_backend()), ("wagtails", WagtailRanked({}))):
        results = backend.autocomplete("cooper", queryset).annotate_score("score")
        with translation.override("en"):
            found[name] = [(page.pk, page.score) for page in results[slice(*window)]]
    assert found["ours"] == found["wagtails"]
    # The four titles starting with "Cooper", equal in rank: newest first.
    titles = [page.pk for page in reversed(news_corpus[:4])]
    assert [pk for pk, _score in found["ours"]] == titles[slice(*window)]


def test_a_first_page_of_results_does_not_rank_text_only_matches(news_corpus):
    queryset = base_queryset(Locale.objects.get(language_code="en")).specific(defer=True)
    with CaptureQueriesContext(connection) as queries:
        found = ids(get_search_backend(), queryset, 0, 3)
    assert len(found) == 3
    # One query: the title matches filled the window; the text-only
    # matches (a second, costlier query) were never ranked.
    assert len(queries) == 1


def test_index_rows_know_their_locale(corpus):
    german = corpus["de"]["foerderung"]
    from search.models import LocaleIndexEntry

    entry = LocaleIndexEntry.objects.get(object_id=str(german.pk))
    assert entry.locale_id == german.locale_id


def test_a_search_in_one_locale_reads_only_its_rows(corpus):
    german = Locale.objects.get(language_code="de")
    queryset = base_queryset(german).specific(defer=True)
    backend = get_search_backend()
    with translation.override("de"):
        everywhere = [p.pk for p in backend.search("Förderung", queryset)]
        with searching_locale(german.pk), CaptureQueriesContext(connection) as queries:
            in_locale = [p.pk for p in backend.search("Förderung", queryset)]
    assert in_locale == everywhere == [corpus["de"]["foerderung"].pk]
    # The locale is tested on the index row whose vectors match (one join,
    # so one GIN index over (locale, title || body) serves both).
    sql = queries[-1]["sql"]
    assert sql.count('JOIN "search_localeindexentry"') == 1
    assert f'"search_localeindexentry"."locale_id" = {german.pk}' in sql


def test_matching_lists_every_match_unranked(news_corpus):
    english = Locale.objects.get(language_code="en")
    queryset = base_queryset(english)
    backend = get_search_backend()
    with translation.override("en"), searching_locale(english.pk):
        matched = set(backend.matching(queryset, "cooperative").values_list("pk", flat=True))
        nothing = backend.matching(queryset, "zzzunknownword")
    assert matched == {page.pk for page in news_corpus}
    assert not nothing.exists()


def test_indexing_queries_do_not_grow_with_pages(home):
    from core.models import Theme

    theme = Theme.objects.filter(locale__language_code="en").first()
    index = add(home, NewsPage, title="News hub")
    for i in range(12):
        page = add(index, NewsPage, title=f"Item {i}", summary="Text.")
        page.themes.add(theme)
        page.save()
    backend = get_search_backend()

    def index_queries(count):
        objs = list(NewsPage.get_indexed_objects().order_by("pk")[:count])
        with CaptureQueriesContext(connection) as queries:
            backend.add_bulk(NewsPage, objs)
        return len(queries)

    assert index_queries(3) == index_queries(12)


def test_a_rebuild_merges_the_gin_pending_lists_before_it_commits(news_corpus):
    from django.core.management import call_command

    from search.backends.pg_index import GIN_INDEXES

    with CaptureQueriesContext(connection) as queries:
        call_command("update_index", verbosity=0)
    sql = [query["sql"] for query in queries]
    assert any("SET LOCAL gin_pending_list_limit" in statement for statement in sql)
    cleaned = [statement for statement in sql if "gin_clean_pending_list" in statement]
    assert len(cleaned) == len(GIN_INDEXES) == 3
    # The last index writes come before the pending lists are merged.
    last_write = max(i for i, statement in enumerate(sql) if "INSERT INTO" in statement)
    assert last_write < sql.index(cleaned[0])
    # And the rebuilt index answers as before.
    queryset = base_queryset(Locale.objects.get(language_code="en")).specific(defer=True)
    assert ids(get_search_backend(), queryset, 0, None) == ids(WagtailRanked({}), queryset, 0, None)
    assert len(ids(get_search_backend(), queryset, 0, None)) == 12


@pytest.mark.parametrize("few", [False, True])
@pytest.mark.parametrize("window", [(0, 3), (2, 6), (4, 12), (3, None), (11, 20), (0, None)])
def test_ranked_ids_are_the_ids_of_the_search(news_corpus, window, few):
    """``ranked_ids`` reads ids alone, in the search's order, whether the
    base queryset leaves out restricted sections in SQL or with public()."""
    locale = Locale.objects.get(language_code="en")
    backend = get_search_backend()
    for queryset in (base_queryset(locale), base_queryset(locale, in_sql=True)):
        with translation.override("en"), searching_locale(locale.pk), few_matches(few):
            ranked = backend.ranked_ids(queryset, "cooperative", *window)
        assert ranked == ids(backend, base_queryset(locale), *window)
        assert ranked and all(isinstance(pk, int) for pk in ranked)
