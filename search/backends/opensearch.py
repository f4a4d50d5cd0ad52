"""OpenSearch (client opensearch-py 3; OpenSearch 2 and 3 clusters): an
analyzer per locale and the engine's highlighter."""

from wagtail.search.backends import opensearch3 as base

from ..facet_rows import FacetRowsItemMixin
from .elastic import HighlightMixin, LocaleMappingMixin, LocaleQueryMixin, analysis_settings


class Mapping(LocaleMappingMixin, base.OpenSearch3Mapping):
    pass


class Index(FacetRowsItemMixin, base.OpenSearch3Index):
    pass


class QueryCompiler(LocaleQueryMixin, base.OpenSearch3SearchQueryCompiler):
    mapping_class = Mapping


class AutocompleteQueryCompiler(base.OpenSearch3AutocompleteQueryCompiler):
    mapping_class = Mapping


class Results(base.OpenSearch3SearchResults):
    pass


class LocaleOpenSearchBackend(HighlightMixin, base.OpenSearch3SearchBackend):
    mapping_class = Mapping
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = Results

    def __init__(self, params):
        super().__init__(params)
        self.settings = analysis_settings(self.settings)


SearchBackend = LocaleOpenSearchBackend
