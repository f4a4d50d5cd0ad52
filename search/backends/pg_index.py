"""Writing PostgreSQL index rows: each object in its own language, in one
pass, one statement per chunk.

Wagtail's ``PostgresIndex.add_items`` builds every ``tsvector`` with the
backend's single configuration, reads the object's search fields five times
(once for each column it fills) and, after each chunk, rescans the whole
table for the average title length and rewrites every new row's
``title_norm``. At 100,000 pages that made a full reindex take half an hour.
This index:

- reads each object's search fields once (related fields come prefetched,
  see ``BasePage.get_indexed_objects``);
- writes the project's own table, ``search.LocaleIndexEntry``: Wagtail's
  row and the object's locale, so a search reads one language's rows only;
- builds each row's vectors with the configuration of the object's language
  (``german`` for a German page; ``simple`` for objects without one), with
  one ``to_tsvector`` per weight rather than one per field;
- writes ``title_norm`` in the same ``INSERT``, from the table's average
  title length, so no row is written twice; a rebuild corrects the rows
  whose norm drifted, at the end, instead of rewriting every row;
- lets a full rebuild feed the GIN indexes in larger batches
  (``BatchedGinRebuilder``).
"""

import time
from collections import defaultdict

from django.db import connections, router
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

from ..facet_rows import FacetRowsMixin, index_row_facets
from ..models import LocaleIndexEntry
from . import LANGUAGE_CONFIGS

TABLE = LocaleIndexEntry._meta.db_table
WEIGHT_ORDER = "ABCD"

# Wagtail's norm is the average title length over the row's own; the average
# is read from the table at most every AVERAGE_MAX_AGE seconds (reading it
# scans the table: per chunk, that made a rebuild quadratic), and from the
# new rows while the table is empty.
AVERAGE_MAX_AGE = 600
AVERAGE_TITLE = f"SELECT avg(length(title)) FROM {TABLE} WHERE length(title) > 0"  # noqa: S608
_average: dict[str, float] = {}


def table_average(cursor) -> float | None:
    cached = _average.get("value")
    if cached is not None and time.monotonic() - _average["at"] < AVERAGE_MAX_AGE:
        return cached
    cursor.execute(AVERAGE_TITLE)
    value = cursor.fetchone()[0]
    if value is not None:
        _average.update(value=float(value), at=time.monotonic())
    return value


UPSERT = f"""
    WITH new_rows (content_type_id, object_id, locale_id, title, autocomplete, body,
                   title_text, body_text, facets) AS (VALUES {{values}}),
         average AS (SELECT COALESCE(
             %s::float, (SELECT avg(length(title)) FROM new_rows WHERE length(title) > 0), 1.0
         ) AS value)
    INSERT INTO {TABLE} (content_type_id, object_id, locale_id, title, autocomplete,
                         body, title_norm, title_text, body_text, facets)
    SELECT content_type_id, object_id, locale_id, title, autocomplete, body,
           CASE WHEN length(title) > 0 THEN average.value / length(title) ELSE 1.0 END,
           title_text, body_text, facets
    FROM new_rows, average
    ON CONFLICT (content_type_id, object_id) DO UPDATE SET
        locale_id = EXCLUDED.locale_id,
        title = EXCLUDED.title,
        autocomplete = EXCLUDED.autocomplete,
        body = EXCLUDED.body,
        title_norm = EXCLUDED.title_norm,
        title_text = EXCLUDED.title_text,
        body_text = EXCLUDED.body_text,
        facets = EXCLUDED.facets
"""  # noqa: S608

# A published page's facets, written again once its links are saved: only
# where they changed, since rewriting a row re-enters its GIN entries.
UPDATE_FACETS = f"""
    UPDATE {TABLE} e SET facets = v.facets
    FROM (VALUES {{values}}) AS v (content_type_id, object_id, facets)
    WHERE e.content_type_id = v.content_type_id AND e.object_id = v.object_id
      AND e.facets IS DISTINCT FROM v.facets
"""  # noqa: S608

# After a rebuild: only rows whose norm is off by more than 5 % are written.
REFRESH_NORMS = f"""
    WITH average AS (
        SELECT avg(length(title)) AS value FROM {TABLE} WHERE length(title) > 0
    )
    UPDATE {TABLE} SET title_norm = average.value / length(title)
    FROM average
    WHERE length(title) > 0
      AND abs(title_norm - average.value / length(title))
          > 0.05 * average.value / length(title)
"""  # noqa: S608


def config_for_language(code: str | None) -> str:
    return LANGUAGE_CONFIGS.get((code or "").split("-")[0], "simple")


class OnePassIndexer(ObjectIndexer):
    """Upstream's ``ObjectIndexer`` prepares the object's search fields again
    for each of ``title``, ``body``, ``autocomplete``, ``title_text`` and
    ``body_text``; here they are prepared once, the same way, and split."""

    @cached_property
    def prepared(self) -> list[tuple]:
        return [
            item for field in self.search_fields for item in self.prepare_field(self.obj, field)
        ]

    def texts(self, column: str) -> list[tuple[str, str]]:
        """(text, weight) pairs for ``title``, ``body`` or ``autocomplete``."""
        out = []
        for field, weight, value in self.prepared:
            if column == "autocomplete":
                wanted = isinstance(field, AutocompleteField)
            else:
                is_title = isinstance(field, SearchField) and field.field_name == "title"
                wanted = isinstance(field, SearchField) and is_title == (column == "title")
            text = (value or "").strip()
            if wanted and text:
                out.append((text, weight))
        return out


def vector_sql(texts: list[tuple[str, str]], config: str) -> tuple[str, list]:
    """One ``to_tsvector`` per weight, joined with ``||``."""
    by_weight = defaultdict(list)
    for text, weight in texts:
        by_weight[weight].append(text)
    if not by_weight:
        return "''::tsvector", []
    parts, params = [], []
    for weight in sorted(by_weight, key=WEIGHT_ORDER.index):
        parts.append(f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')")
        params.extend([config, "\n".join(by_weight[weight])])
    return " || ".join(parts), params


class LocaleVectorIndex(PostgresIndex):
    """Replaces upstream's ``PostgresIndex.add_items()`` (vectors in the
    backend's one configuration, ``title_norm`` rewritten after each chunk)
    and ``_refresh_title_norms()`` with the one-pass UPSERT above, and
    points ``entries`` (stale rows) and ``reset()`` (upstream's empty
    Wagtail's ``IndexEntry``) at the project's table."""

    def __init__(self, backend):
        super().__init__(backend)
        self.entries = LocaleIndexEntry._default_manager.all()

    def reset(self):
        LocaleIndexEntry._default_manager.all()._raw_delete(using=self.write_connection.alias)

    def add_items(self, model, objs, facets=None):
        """``facets``: the ``facet:value`` strings of each object, by id."""
        if not objs or not model.get_search_fields():
            return
        from wagtail.models import Locale

        languages = dict(Locale.objects.values_list("pk", "language_code"))
        content_type_pk = get_content_type_pk(model)
        values, params = [], []
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            code = languages.get(locale_id) if locale_id else getattr(obj, "language", "")
            config = config_for_language(code)
            indexer = OnePassIndexer(obj, self.backend)
            row = ["%s", "%s", "%s::integer"]
            params.extend([content_type_pk, indexer.id, locale_id])
            for column, column_config in (
                ("title", config),
                ("autocomplete", self.backend.autocomplete_config),
                ("body", config),
            ):
                sql, sql_params = vector_sql(indexer.texts(column), column_config)
                row.append(sql)
                params.extend(sql_params)
            row += ["%s", "%s", "%s::text[]"]
            params.append(" ".join(text for text, _w in indexer.texts("title")))
            params.append(" ".join(text for text, _w in indexer.texts("body")))
            params.append((facets or {}).get(obj.pk, []))
            values.append(f"({', '.join(row)})")
        with self.write_connection.cursor() as cursor:
            average = table_average(cursor)
            cursor.execute(UPSERT.format(values=", ".join(values)), [*params, average])

    def _refresh_title_norms(self, full=False):
        # New rows get their norm as they are written (see UPSERT).
        if full:
            with self.write_connection.cursor() as cursor:
                cursor.execute(REFRESH_NORMS)


class LocalePostgresIndex(FacetRowsMixin, LocaleVectorIndex):
    """Upstream's ``PostgresIndex`` as changed above, writing the pages'
    facet rows beside the index rows, and their facets into them."""

    def add_index_rows(self, model, objs, facts):
        facets = {pk: index_row_facets(item) for pk, item in facts.items()}
        LocaleVectorIndex.add_items(self, model, objs, facets)


def write_index_row_facets(facts) -> None:
    """Rewrite the facets kept in the index rows of these pages' facts."""
    if not facts:
        return
    connection = connections[router.db_for_write(LocaleIndexEntry)]
    values, params = [], []
    for item in facts.values():
        values.append("(%s, %s, %s::text[])")
        params += [item.content_type_id, str(item.pk), index_row_facets(item)]
    with connection.cursor() as cursor:
        cursor.execute(UPDATE_FACETS.format(values=", ".join(values)), params)


# A rebuild's GIN entries wait in each index's pending list until it holds
# this much, and are then merged into the index in batches of up to
# GIN_WORK_MEM (PostgreSQL's defaults: 4 MB each).
GIN_PENDING_LIST = "64MB"
GIN_WORK_MEM = "64MB"
GIN_INDEXES = [
    index.name for index in LocaleIndexEntry._meta.indexes if index.name.startswith("search_")
]


class BatchedGinRebuilder(PostgresSearchAtomicRebuilder):
    """Upstream's ``PostgresSearchAtomicRebuilder`` (a rebuild in one
    transaction) with larger batches for the GIN indexes: for the
    transaction, a pending list of ``GIN_PENDING_LIST`` and a ``work_mem``
    of ``GIN_WORK_MEM`` (the merge of the pending list into the index runs
    in ``work_mem``), and the pending lists merged before it commits, so
    searches after the rebuild do not read them. The same keys recur across
    thousands of pages, so fewer, larger merges write each posting tree
    fewer times. Replaces upstream's ``start()`` and ``finish()``."""

    def start(self):
        index = super().start()
        with self.index.write_connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL gin_pending_list_limit = '{GIN_PENDING_LIST}'")
            cursor.execute(f"SET LOCAL work_mem = '{GIN_WORK_MEM}'")
        return index

    def finish(self):
        self.index._refresh_title_norms(full=True)
        with self.index.write_connection.cursor() as cursor:
            for name in GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
        self.transaction.__exit__(None, None, None)
        self.transaction_opened = False
