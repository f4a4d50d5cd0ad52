"""The database search backend, with per-language stemming on PostgreSQL.

On PostgreSQL this is :class:`search.backends.postgres.LocalePostgresSearchBackend`;
on SQLite (or MySQL) it is Wagtail's own database backend, unchanged: no
stemming and no fuzzy matching there, and nothing complains about it.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - Wagtail looks this name up
    if connection.vendor == "postgresql":
        from .postgres import LocalePostgresSearchBackend

        return LocalePostgresSearchBackend(params)
    from wagtail.search.backends.database import SearchBackend as WagtailDatabaseBackend

    return WagtailDatabaseBackend(params)
