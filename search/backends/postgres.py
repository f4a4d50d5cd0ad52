"""PostgreSQL full-text search with one text search configuration per locale,
ranked so that a large corpus stays fast.

Wagtail's PostgreSQL backend builds every tsvector and tsquery with one
``SEARCH_CONFIG``. Here the index keeps Wagtail's single table, but each
row's vectors are built with the configuration of the object's own language
(``german`` for a German page; see ``pg_index.py``), and each query is parsed
with the configuration of the language being searched (the active language,
which is the locale the search is filtered on). A German query therefore
meets German stems: "Förderungen" and "Förderung" both become ``forder``.

Matching uses a GIN index on ``(locale, title || body)`` of the project's
index table (``search.LocaleIndexEntry``), so finding the matches costs milliseconds even for a word
in every page. Ranking them is what costs: ``ts_rank`` must unpack each
match's body vector (a few kilobytes with the PDF text). So results are
ranked in two steps:

1. pages whose *title* matches, ranked by Wagtail's own rank expression
   (title rank × title norm + body rank); the title's GIN index finds them;
2. only if the window asked for reaches past those, the pages that match in
   their text alone, ranked the same way.

In Wagtail's weights the title (weight A, 1.0) far outweighs the text
fields (0.01 to 0.2), so this is the order Wagtail's rank gives in practice,
made explicit: a page named after the words comes first. A broad word's first pages never rank the
thousands of pages that only mention it.
"""

from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not

from . import FEW_MATCHES, SEARCH_LOCALE
from .pg_index import (
    BatchedGinRebuilder,
    LocalePostgresIndex,
    config_for_language,
    write_index_row_facets,
)


def in_locale(queryset):
    locale_id = SEARCH_LOCALE.get()
    if locale_id is None:
        return queryset
    # Through an alias, not filter(index_entries__locale=...): a filter on
    # a multi-valued relation makes a join of its own, and the locale must
    # be tested on the row the vectors are matched in (one GIN index serves
    # both).
    entry_locale = F("index_entries__locale")
    return queryset.alias(_entry_locale_=entry_locale).filter(_entry_locale_=locale_id)


class TwoStepRanking:
    """Mixed into every query compiler of the backend (search and
    autocomplete), so that the results class can ask any of them the same
    questions.

    Replaces, for plain relevance-ordered queries over the index columns,
    upstream's ``PostgresSearchQueryCompiler.search()``, which matches the
    concatenation of the compiler's index vectors and ranks every match in
    one query. Here the first index vector (the title; autocomplete has only
    its own column) is matched and ranked first, the other vectors after
    (see the module's docstring). Everything else (``Fuzzy``, ``MatchAll``,
    ``Not``, ``fields=[...]``, no relevance ordering) stays upstream's.
    """

    def two_step(self) -> bool:
        plain = not isinstance(self.query, (MatchAll, Fuzzy, Not))
        return plain and self.fields is None and self.order_by_relevance

    def ranked(self, config, lead: bool | None):
        """Matches whose first index vector does (or, with ``lead`` false,
        does not) match, best first by upstream's rank expression over all
        the compiler's index vectors. ``lead`` None: every match, those of
        the first vector first, in one query (for a few matches)."""
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_index_vectors(search_query)
        rank = self._build_rank_expression(vectors, config)
        first, *others = [vector for vector, _weight in vectors]
        lead_match = ExpressionWrapper(Q((first.name, search_query)), output_field=BooleanField())
        # alias(), not annotate(): neither is selected. Upstream annotates
        # its combined vector, so every match's ``title || body`` (kilobytes
        # with the PDF text) was built just to be thrown away; with ~1,500
        # text-only matches that was most of the query's time.
        queryset = in_locale(self.queryset.alias(_lead_=lead_match))
        # Upstream's combined vector: the GIN index on (locale, title ||
        # body) of search.LocaleIndexEntry serves it.
        combined = first
        for vector in others:
            combined = combined._combine(vector, "||", False)
        order = [F("_rank_").desc(), "-pk"]
        if lead is None:
            queryset = queryset.alias(_vector_=combined).filter(_vector_=search_query)
            order.insert(0, F("_lead_").desc(nulls_last=True))
        elif lead:
            queryset = queryset.filter(_lead_=True)
        elif others:
            queryset = queryset.alias(_vector_=combined).filter(_vector_=search_query, _lead_=False)
        else:
            # One vector (autocomplete): every match matched it.
            queryset = queryset.none()
        return queryset.annotate(_rank_=rank).order_by(*order)


class LocalePostgresSearchQueryCompiler(TwoStepRanking, PostgresSearchQueryCompiler):
    """Upstream's search compiler, parsing the query with the active
    language's configuration instead of the backend's ``SEARCH_CONFIG``."""

    def get_config(self, backend):
        return config_for_language(translation.get_language())


class LocalePostgresAutocompleteQueryCompiler(TwoStepRanking, PostgresAutocompleteQueryCompiler):
    """Upstream's autocomplete compiler (prefix match on the autocomplete
    column, parsed with the backend's ``autocomplete_config``), ranked
    through the same path as a search."""


class LocalePostgresSearchResults(PostgresSearchResults):
    """Replaces upstream's ``PostgresSearchResults._do_search()`` (one query
    through ``compiler.search()``) with the two steps of ``TwoStepRanking``
    for the queries it takes; any compiler of this backend may come here."""

    def _do_search(self):
        if not self.query_compiler.two_step():
            return super()._do_search()
        return self._ranked(self._window)

    def ids(self) -> list[int]:
        """The ids of the results' window, best first, without making a page
        of each (``LocalePostgresSearchBackend.ranked_ids``)."""
        return self._ranked(lambda queryset, start, stop: self._window(queryset, start, stop, True))

    def _ranked(self, window):
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        start = self.start or 0
        if FEW_MATCHES.get():
            # The same order, in one query: ranking a few matches is cheap.
            return list(window(compiler.ranked(config, None), start, self.stop))
        first = list(window(compiler.ranked(config, True), start, self.stop))
        if self.stop is not None and len(first) == self.stop - start:
            return first
        # The window reaches past the title matches: count them to know how
        # far into the text-only matches it starts.
        if first or not start:
            skip = 0
        else:
            skip = max(0, start - compiler.ranked(config, True).order_by().count())
        stop = None if self.stop is None else self.stop - start - len(first) + skip
        rest = window(compiler.ranked(config, False), skip, stop)
        return first + list(rest)

    def _window(self, queryset, start, stop, ids=False):
        if ids:
            return queryset.values_list("pk", flat=True)[start:stop]
        if self._score_field:
            queryset = queryset.annotate(**{self._score_field: F("_rank_")})
        return queryset[start:stop]


class LocalePostgresSearchBackend(PostgresSearchBackend):
    """Upstream's ``PostgresSearchBackend`` with the compilers, results,
    index and atomic rebuilder above; ``SEARCH_CONFIG`` only names the
    configuration of objects without a language (upstream uses it for every
    row and query)."""

    atomic_rebuilder_class = BatchedGinRebuilder
    query_compiler_class = LocalePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = LocalePostgresAutocompleteQueryCompiler
    index_class = LocalePostgresIndex
    results_class = LocalePostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or "simple"

    def write_index_row_facets(self, facts) -> None:
        """The facets of pages whose links changed after they were indexed
        (``facet_rows.refresh_pages``): their index rows keep them too."""
        write_index_row_facets(facts)

    def ranked_ids(self, queryset, text: str, start: int, stop: int) -> list[int]:
        """The ids of ``search(text, queryset, operator="and")[start:stop]``,
        in the same order, read as ids alone (a page of each cost more to
        make than the query took to run)."""
        compiler = self.query_compiler_class(queryset, text, operator="and")
        if not compiler.two_step():
            return [page.pk for page in self.search(text, queryset, operator="and")[start:stop]]
        return self.results_class(self, compiler)[start:stop].ids()

    def matching(self, queryset, text: str):
        """The pages of ``queryset`` matching all words of ``text``, as an
        unranked queryset: the GIN index answers it without reading page
        bodies, and it composes into other SQL (facet counts)."""
        compiler = self.query_compiler_class(queryset, text, operator="and")
        search_query = compiler.build_tsquery(compiler.query, config=compiler.get_config(self))
        if search_query is None:
            return queryset.none()
        both = F("index_entries__title")._combine(F("index_entries__body"), "||", False)
        return in_locale(queryset.alias(_vector_=both)).filter(_vector_=search_query)
