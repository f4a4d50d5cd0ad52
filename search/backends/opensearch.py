"""OpenSearch (client opensearch-py 3; OpenSearch 2 and 3 clusters): an
analyzer per locale and the engine's highlighter (``search/backends/elastic.py``)."""

from wagtail.search.backends.opensearch3 import OpenSearch3SearchBackend

from .elastic import locale_backend

SearchBackend = locale_backend(OpenSearch3SearchBackend)
