"""Search backends of the project: Wagtail's, extended per language.

``search.backends.database`` is the one to name in WAGTAILSEARCH_BACKENDS for
the database: on PostgreSQL it stems each locale with its own text search
configuration; on SQLite (``search.backends.sqlite``) it is Wagtail's FTS5
backend, except that relevance scores are computed once per match in a join
rather than by re-running the FTS query for every result, which made a common
word take seconds; elsewhere it is Wagtail's own database backend.
``search.backends.elasticsearch8`` and ``search.backends.opensearch`` add an
analyzer per locale and the engine's highlighter.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from core import languages

# The library versions the overrides here were written for and checked
# against; pyproject.toml pins the same, and an upgrade outside them fails
# tests/search/test_library_contract.py until the overrides are reviewed.
WRITTEN_FOR = {"modelsearch": ">=1.3.2,<1.4", "wagtail": ">=8.0.1,<8.1"}

# The locale whose pages a search is limited to, when the caller says so.
SEARCH_LOCALE: ContextVar[int | None] = ContextVar("search_locale", default=None)


@contextmanager
def searching_locale(locale_id: int):
    """Tell the backend that the queryset searched holds only this locale's
    pages, so it may read only that locale's index rows (PostgreSQL). The
    admin's search across languages never says so, and reads them all."""
    token = SEARCH_LOCALE.set(locale_id)
    try:
        yield
    finally:
        SEARCH_LOCALE.reset(token)


# The caller knows the search has few matches (PostgreSQL: they are ranked
# in one query rather than title matches first, then the others).
FEW_MATCHES: ContextVar[bool] = ContextVar("few_matches", default=False)


@contextmanager
def few_matches(few: bool = True):
    token = FEW_MATCHES.set(few)
    try:
        yield
    finally:
        FEW_MATCHES.reset(token)


# PostgreSQL: one text search configuration per language.
LANGUAGE_CONFIGS = {language.code: language.pg_config for language in languages.TABLE}

# Elasticsearch / OpenSearch: one analyzer per language, named cf_<code>,
# of the engine's language analyzer type (stop words and stemmer), or, where
# the table names none, a standard tokenizer with lowercase and asciifolding.
STEMMER_LANGUAGES = {language.code: language.analyzer for language in languages.TABLE}
LANGUAGE_ANALYZERS = {code: f"cf_{code}" for code in STEMMER_LANGUAGES}


def language_for_locale_id(locale_id) -> str:
    from wagtail.models import Locale

    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    return code or ""


def language_of(obj) -> str:
    """The language code an object is written in: its locale's, else the
    detected language of a document, else empty."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is not None:
        return language_for_locale_id(locale_id)
    return getattr(obj, "language", "") or ""
