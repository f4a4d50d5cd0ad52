"""Wagtail's SQLite (FTS5) search backend, ranking every match once.

Wagtail's ``SQLiteSearchQueryCompiler.search()`` keeps the matches with
``pk IN (<FTS query>)`` and, to order them by relevance (or to fill
``score_field``), annotates each result with a scalar subquery that runs the
whole FTS5 MATCH again for that one object. FTS5 gathers bm25's statistics
afresh on every run of a MATCH, so each of those subqueries costs as much as
the search itself: the work grows with the square of the number of matches
(15 s for a word found in most of 10,000 pages).

Here a search that needs scores joins the queryset to a derived table of
(object_id, score) instead, built by one run of the MATCH::

    INNER JOIN (
        SELECT object_id, MIN(score) AS score FROM (
            SELECT entry.object_id, <Wagtail's rank expression> AS score
            FROM fts CROSS JOIN entry ON entry.id = fts.rowid
            WHERE fts MATCH <query> AND entry.content_type_id IN (<types>)
            LIMIT -1
        ) GROUP BY object_id
    ) AS cf_search_rank ON cf_search_rank.object_id = <the queryset's pk>

- ``CROSS JOIN`` makes SQLite read the FTS table in the outer loop. With the
  index entries outside (which the planner picks when it can use the content
  type index), the MATCH would be run again for every entry.
- ``LIMIT -1`` (no limit) stops SQLite from flattening that select into the
  grouping one, where bm25() may not be called.
- The grouping keeps one row per object, as ``pk IN`` does (an object can be
  indexed under two content types of its model's hierarchy), with its best
  score; Wagtail took whichever came first.

The MATCH, the rank expression (bm25, weighted by ``title_norm`` for the
title) and the content types are Wagtail's own, and so are ordering by score
then ``-pk``, the queryset's own filters and the default ``-pk`` order.
Searches that need no score (negated ones, and those without relevance
ordering or ``score_field``) go to Wagtail's code, whose ``pk IN`` runs the
MATCH once already.
"""

from django.db.models import Expression, FloatField
from django.db.models.sql.constants import INNER
from modelsearch.backends.database.sqlite import sqlite as wagtail_sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..facet_rows import FacetRowsMixin

RANK_TABLE = "cf_search_rank"

# Identifiers are quoted and values are parameters (the MATCH string too).
RANKED_MATCHES = """{join_type} (
    SELECT matches.object_id AS object_id, MIN(matches.score) AS score FROM (
        SELECT {entry}.{object_id} AS object_id, {rank} AS score
        FROM {fts} CROSS JOIN {entry} ON {entry}.{entry_pk} = {fts}.rowid
        WHERE {match} AND {entry}.{content_type} IN ({types})
        LIMIT -1
    ) AS matches GROUP BY matches.object_id
) {alias} ON ({alias}.object_id = {parent}.{pk})"""


class RankJoin:
    """An ``Query.alias_map`` entry: the INNER JOIN to the ranked matches.

    Django only needs the attributes and methods its own ``Join`` has (see
    ``django.db.models.sql.datastructures.Join``); the SQL is written here.
    """

    nullable = False
    filtered_relation = None

    def __init__(self, parent_alias, pk_column, match, rank, content_types, table_alias=None):
        self.table_name = RANK_TABLE
        self.table_alias = table_alias
        self.parent_alias = parent_alias
        self.join_type = INNER
        self.pk_column = pk_column
        self.match = match
        self.rank = rank
        self.content_types = list(content_types)

    def as_sql(self, compiler, connection):
        qn = connection.ops.quote_name
        fts = qn(wagtail_sqlite.SQLiteFTSIndexEntry._meta.db_table)
        entry_meta = wagtail_sqlite.IndexEntry._meta
        entry = qn(entry_meta.db_table)
        # The rank's F("index_entry__title_norm") resolves to a join named
        # after the index entry table, as it is named below.
        index_query = wagtail_sqlite.SQLiteFTSIndexEntry.objects.all().query
        rank = self.rank.resolve_expression(index_query, allow_joins=True)
        index_compiler = index_query.get_compiler(connection=connection)
        rank_sql, rank_params = index_compiler.compile(rank)
        match_sql, match_params = index_compiler.compile(self.match)
        sql = RANKED_MATCHES.format(
            join_type=self.join_type,
            entry=entry,
            object_id=qn(entry_meta.get_field("object_id").column),
            rank=rank_sql,
            fts=fts,
            entry_pk=qn(entry_meta.pk.column),
            match=match_sql,
            content_type=qn(entry_meta.get_field("content_type").column),
            types=", ".join(["%s"] * len(self.content_types)),
            alias=compiler.quote_name_unless_alias(self.table_alias),
            parent=compiler.quote_name_unless_alias(self.parent_alias),
            pk=qn(self.pk_column),
        )
        return sql, [*rank_params, *match_params, *self.content_types]

    def relabeled_clone(self, change_map):
        return RankJoin(
            change_map.get(self.parent_alias, self.parent_alias),
            self.pk_column,
            self.match,
            self.rank,
            self.content_types,
            table_alias=change_map.get(self.table_alias, self.table_alias),
        )

    @property
    def identity(self):
        return (self.__class__, self.table_alias, self.parent_alias, id(self.match))

    def __eq__(self, other):
        if not isinstance(other, RankJoin):
            return NotImplemented
        return self.identity == other.identity

    def __hash__(self):
        return hash(self.identity)

    # A row without a match is no result: the join stays INNER.
    def demote(self):
        return self

    def promote(self):
        return self


class RankScore(Expression):
    """The score column of the joined ranked matches."""

    output_field = FloatField()

    def __init__(self, alias):
        super().__init__()
        self.alias = alias

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.score", []

    def relabeled_clone(self, change_map):
        return RankScore(change_map.get(self.alias, self.alias))

    def get_group_by_cols(self):
        return [self]


class SQLiteSearchQueryCompiler(wagtail_sqlite.SQLiteSearchQueryCompiler):
    """Replaces upstream's ``SQLiteSearchQueryCompiler.search()`` (a scalar
    subquery re-running the MATCH for each result's score) with one join to
    the ranked matches, for the searches that need a score; and quotes
    double quotes in the query, which upstream leaves as they are."""

    def build_search_query_content(self, query, config=None):
        # Upstream wraps each term and phrase in "..." for FTS5 without
        # escaping: a quote in the text ended the string, and the MATCH
        # failed (a 500 in the admin's document search). FTS5 reads "" as
        # a quote inside a string.
        if isinstance(query, PlainText):
            text = query.query_string.replace('"', '""')
            query = PlainText(text, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(query.query_string.replace('"', '""'))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if not isinstance(query, (MatchAll, Not)) and self.build_search_query(query) is None:
            # Only white space: upstream builds a MATCH of nothing (a 500 in
            # the API's ``?search=%0A``). Nothing to match, no results.
            return self.queryset.none()
        if isinstance(query, (MatchAll, Not)) or (
            score_field is None and not self.order_by_relevance
        ):
            # No score needed: Wagtail's own query runs the MATCH once.
            return super().search(config, start, stop, score_field=score_field)
        score_field = score_field or "_score"

        queryset = self.queryset.all()
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        join = RankJoin(
            queryset.query.get_initial_alias(),
            queryset.model._meta.pk.column,
            match,
            self._build_rank_expression(self.get_search_vectors(), config),
            get_descendants_content_types_pks(queryset.model),
        )
        alias = queryset.query.join(join)
        queryset = queryset.annotate(**{score_field: RankScore(alias)})
        if self.order_by_relevance:
            # bm25 is negative: the best match has the lowest score.
            queryset = queryset.order_by(score_field, "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class SQLiteAutocompleteQueryCompiler(
    SQLiteSearchQueryCompiler, wagtail_sqlite.SQLiteAutocompleteQueryCompiler
):
    """Upstream's ``SQLiteAutocompleteQueryCompiler`` (prefix match on the
    autocomplete column), its ``search()`` replaced as above."""


class SQLiteIndex(FacetRowsMixin, wagtail_sqlite.SQLiteIndex):
    """Upstream's ``SQLiteIndex``, writing the pages' facet rows beside it."""


class SQLiteSearchBackend(wagtail_sqlite.SQLiteSearchBackend):
    """Upstream's ``SQLiteSearchBackend`` with both compilers and the index
    replaced by the classes above."""

    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex
