"""PostgreSQL full-text search with one text search configuration per locale.

Wagtail's PostgreSQL backend builds every tsvector and tsquery with one
``SEARCH_CONFIG``. Here the index keeps Wagtail's single table, but each row's
vectors are built with the configuration of the object's own language
(``german`` for a German page), and each query is parsed with the
configuration of the language being searched (the active language, which is
the locale the search is filtered on). A German query therefore meets German
stems: "Förderungen" and "Förderung" both become ``forder``.

Objects without a language (documents, snippets without a locale) are indexed
with ``simple``.
"""

from itertools import groupby

from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)

from . import LANGUAGE_CONFIGS, language_for_locale_id


def config_for_language(code: str | None) -> str:
    return LANGUAGE_CONFIGS.get((code or "").split("-")[0], "simple")


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index ``objs`` in groups of one language, each group with its
        language's configuration."""

        def key(obj):
            locale_id = getattr(obj, "locale_id", None)
            return (
                ("locale", locale_id)
                if locale_id is not None
                else ("lang", getattr(obj, "language", "") or "")
            )

        objs = sorted(objs, key=lambda o: str(key(o)))
        default_config = self.backend.config
        self._defer_norms = True
        try:
            for (kind, value), group in groupby(objs, key=key):
                code = language_for_locale_id(value) if kind == "locale" else value
                self.backend.config = config_for_language(code)
                super().add_items(model, list(group))
        finally:
            self.backend.config = default_config
            self._defer_norms = False
        # Once per call, not once per language group: it scans the table.
        self._refresh_title_norms()

    def _refresh_title_norms(self, full=False):
        if getattr(self, "_defer_norms", False) and not full:
            return
        super()._refresh_title_norms(full=full)


class LocaleQueryCompilerMixin:
    def get_config(self, backend):
        return config_for_language(translation.get_language())


class LocalePostgresSearchQueryCompiler(LocaleQueryCompilerMixin, PostgresSearchQueryCompiler):
    pass


class LocalePostgresSearchResults(PostgresSearchResults):
    pass


class LocalePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = LocalePostgresIndex
    results_class = LocalePostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or "simple"
