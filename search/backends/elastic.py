"""Elasticsearch 8 and OpenSearch 2: an analyzer per locale and the engine's
own highlighter.

Each page document gets one extra field, ``cf_text_<language>`` (title, page
text and attached document text), mapped with the language's analyzer
(``german`` for German, ...; Polish uses a folding standard analyzer, since
stock clusters have no Polish stemmer). A query adds a match on the active
language's field to Wagtail's own query, so stemmed forms match;
``highlight`` asks the engine for a fragment of that field with sentinel
tags, which ``search.highlight`` turns into escaped HTML with <mark>.
"""

from django.utils import translation
from wagtail.search.query import Fuzzy, Phrase, PlainText

from . import LANGUAGE_ANALYZERS, STEMMER_LANGUAGES, language_of


def language_field(code: str) -> str:
    return f"cf_text_{code}"


def active_language() -> str:
    return (translation.get_language() or "").split("-")[0]


def analysis_settings(settings: dict) -> dict:
    analyzers = settings["settings"]["analysis"].setdefault("analyzer", {})
    for code, language in STEMMER_LANGUAGES.items():
        if language:
            # A language analyzer by type: stop words and the Snowball stemmer.
            analyzers[LANGUAGE_ANALYZERS[code]] = {"type": language}
        else:
            analyzers[LANGUAGE_ANALYZERS[code]] = {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "asciifolding"],
            }
    return settings


def plain_value(value):
    """Country objects (django-countries) become their code: the clients
    cannot serialise them."""
    from django_countries.fields import Country

    if isinstance(value, Country):
        return value.code
    if isinstance(value, list):
        return [plain_value(item) for item in value]
    return value


class LocaleMappingMixin:
    """Extends upstream's ``get_mapping()`` with a field per language and
    ``get_document()`` with the object's text in its language's field
    (and country codes for django-countries values)."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for code, analyzer in LANGUAGE_ANALYZERS.items():
            mapping["properties"][language_field(code)] = {"type": "text", "analyzer": analyzer}
        return mapping

    def get_document(self, obj):
        from search.text import full_text

        document = {key: plain_value(value) for key, value in super().get_document(obj).items()}
        code = language_of(obj)
        if code in LANGUAGE_ANALYZERS:
            document[language_field(code)] = full_text(obj)
        return document


class LocaleQueryMixin:
    """Extends upstream's ``get_inner_query()``: its query OR a match on the
    active language's field."""

    def language_query(self):
        code = active_language()
        if code not in LANGUAGE_ANALYZERS or not isinstance(self.query, (PlainText, Fuzzy, Phrase)):
            return None
        field = language_field(code)
        if isinstance(self.query, Phrase):
            return {"match_phrase": {field: self.query.query_string}}
        match = {"query": self.query.query_string, "operator": "and"}
        if isinstance(self.query, Fuzzy):
            match["fuzziness"] = "AUTO"
        return {"match": {field: match}}

    def get_inner_query(self):
        inner = super().get_inner_query()
        extra = self.language_query()
        if extra is None:
            return inner
        return {"bool": {"should": [inner, extra], "minimum_should_match": 1}}


class HighlightMixin:
    """Adds ``highlight()`` to the backend (upstream has none)."""

    def highlight_body(self, pks, text: str, code: str) -> dict:
        from search.highlight import CLOSE, OPEN

        field = language_field(code)
        return {
            "query": {
                "bool": {
                    "must": [{"match": {field: {"query": text}}}],
                    "filter": [{"ids": {"values": [str(pk) for pk in pks]}}],
                }
            },
            "highlight": {
                "pre_tags": [OPEN],
                "post_tags": [CLOSE],
                "fields": {field: {"fragment_size": 200, "number_of_fragments": 1}},
            },
            "_source": False,
            "size": len(pks),
        }

    def highlight(self, pks, text: str, code: str) -> dict[int, str]:
        """Engine fragments (with sentinel tags) by page pk."""
        from wagtail.models import Page

        if not pks or code not in LANGUAGE_ANALYZERS:
            return {}
        index = self.get_index_for_model(Page)
        body = self.highlight_body(pks, text, code)
        if self.use_new_elasticsearch_api:
            response = self.es.search(index=index.name, **body)
        else:
            response = self.es.search(index=index.name, body=body)
        out = {}
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {}).get(language_field(code))
            if fragments:
                out[int(hit["_id"])] = fragments[0]
        return out


def locale_backend(base_backend):
    """Wagtail's Elasticsearch or OpenSearch backend class with the mixins
    above: a field and analyzer per language, the engine's highlighter, and
    facet rows written beside the index."""
    from ..facet_rows import FacetRowsItemMixin

    mapping = type(
        "Mapping",
        (LocaleMappingMixin, base_backend.mapping_class),
        {"__doc__": "Upstream's mapping with a field per language."},
    )
    attrs = {
        "__doc__": "Upstream's backend: analyzers per language, a highlighter, facet rows.",
        "mapping_class": mapping,
        "index_class": type(
            "Index",
            (FacetRowsItemMixin, base_backend.index_class),
            {"__doc__": "Upstream's index, writing facet rows beside it."},
        ),
        # Every compiler gets our mapping: upstream's would not know the
        # per-language fields.
        "query_compiler_class": type(
            "QueryCompiler",
            (LocaleQueryMixin, base_backend.query_compiler_class),
            {"mapping_class": mapping, "__doc__": "Upstream's query OR a language match."},
        ),
        "autocomplete_query_compiler_class": type(
            "AutocompleteQueryCompiler",
            (base_backend.autocomplete_query_compiler_class,),
            {"mapping_class": mapping, "__doc__": "Upstream's autocomplete, our mapping."},
        ),
    }

    def __init__(self, params):
        base_backend.__init__(self, params)
        self.settings = analysis_settings(self.settings)

    attrs["__init__"] = __init__
    return type(f"Locale{base_backend.__name__}", (HighlightMixin, base_backend), attrs)
