"""The database search backend, with per-language stemming on PostgreSQL.

On PostgreSQL this is :class:`search.backends.postgres.LocalePostgresSearchBackend`.
On SQLite with FTS5 it is :class:`search.backends.sqlite.SQLiteSearchBackend`:
Wagtail's backend, except that a search ordered by relevance (or asked for
scores) computes each match's bm25 score once, in a join, where Wagtail's
runs the whole FTS query again for every result (seconds for a common word on
10,000 pages). Elsewhere (MySQL, SQLite without FTS5) it is Wagtail's own
database backend with one addition, the facet rows written beside its index
(``FacetRowsMixin``): no stemming and no fuzzy matching there, and nothing
complains about it.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - Wagtail looks this name up
    if connection.vendor == "postgresql":
        from .postgres import LocalePostgresSearchBackend

        return LocalePostgresSearchBackend(params)
    from modelsearch.backends import database as wagtail_database

    backend = wagtail_database.SearchBackend(params)
    # Wagtail's factory has just checked that SQLite has FTS5 and its table.
    if connection.vendor == "sqlite" and wagtail_database.USE_SQLITE_FTS:
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    # Wagtail's own backend (MySQL, SQLite without FTS5): facet rows too.
    from ..facet_rows import FacetRowsMixin

    backend.index_class = type(
        "Index",
        (FacetRowsMixin, backend.index_class),
        {"__doc__": "Upstream's database index, writing facet rows beside it."},
    )
    return backend
