"""Elasticsearch 8: an analyzer per locale and the engine's highlighter
(``search/backends/elastic.py``)."""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .elastic import locale_backend

SearchBackend = locale_backend(Elasticsearch8SearchBackend)
