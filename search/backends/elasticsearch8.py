"""Elasticsearch 8: an analyzer per locale and the engine's highlighter."""

from wagtail.search.backends import elasticsearch8 as base

from ..facet_rows import FacetRowsItemMixin
from .elastic import HighlightMixin, LocaleMappingMixin, LocaleQueryMixin, analysis_settings


class Mapping(LocaleMappingMixin, base.Elasticsearch8Mapping):
    pass


class Index(FacetRowsItemMixin, base.Elasticsearch8Index):
    pass


class QueryCompiler(LocaleQueryMixin, base.Elasticsearch8SearchQueryCompiler):
    mapping_class = Mapping


class AutocompleteQueryCompiler(base.Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = Mapping


class Results(base.Elasticsearch8SearchResults):
    pass


class LocaleElasticsearch8Backend(HighlightMixin, base.Elasticsearch8SearchBackend):
    mapping_class = Mapping
    index_class = Index
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = Results

    def __init__(self, params):
        super().__init__(params)
        self.settings = analysis_settings(self.settings)


SearchBackend = LocaleElasticsearch8Backend
