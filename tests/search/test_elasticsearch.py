"""Elasticsearch 8: the mapping, documents and query bodies, checked without
a server; and an opt-in run against a real cluster when ELASTICSEARCH_URL is
set (marked ``elasticsearch``)."""

import os

import pytest
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from knowledgebase.models import PolicyPaperPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def es_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": [os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9"],
            "INDEX_PREFIX": "cftest_",
            # Nothing listens on port 9: indexing on save must not try.
            "AUTO_UPDATE": bool(os.environ.get("ELASTICSEARCH_URL")),
        }
    }
    return get_search_backend()


def test_mapping_has_an_analyzer_per_language(es_backend):
    mapping = es_backend.mapping_class(PolicyPaperPage).get_mapping()
    for code in ("en", "de", "fr", "it", "es", "el", "pl"):
        field = mapping["properties"][f"cf_text_{code}"]
        assert field == {"type": "text", "analyzer": f"cf_{code}"}
    analyzers = es_backend.settings["settings"]["analysis"]["analyzer"]
    assert analyzers["cf_de"] == {"type": "german"}
    assert analyzers["cf_el"] == {"type": "greek"}
    assert analyzers["cf_pl"]["filter"] == ["lowercase", "asciifolding"]


def test_document_carries_text_in_its_language(es_backend, corpus):
    paper = corpus["de"]["foerderung"]
    document = es_backend.mapping_class(PolicyPaperPage).get_document(paper)
    assert "Kulturorganisationen" in document["cf_text_de"]
    assert "cf_text_en" not in document


def test_query_body_matches_the_active_language(es_backend, corpus):
    queryset = Page.objects.live().filter(locale=Locale.objects.get(language_code="de"))
    with translation.override("de"):
        results = es_backend.search("Förderungen", queryset.specific(defer=True), operator="and")
        query = results.query_compiler.get_query()
    should = query["bool"]["must"]["bool"]["should"]
    assert {"match": {"cf_text_de": {"query": "Förderungen", "operator": "and"}}} in should


def test_fuzzy_query_body_has_fuzziness(es_backend):
    from wagtail.search.query import Fuzzy

    with translation.override("en"):
        results = es_backend.search(Fuzzy("fundng"), Page.objects.all())
        query = results.query_compiler.get_query()
    expected = {"query": "fundng", "operator": "and", "fuzziness": "AUTO"}
    assert {"match": {"cf_text_en": expected}} in query["bool"]["must"]["bool"]["should"]


def test_highlight_body_uses_sentinel_tags(es_backend):
    body = es_backend.highlight_body([3, 4], "funding", "en")
    assert body["highlight"]["pre_tags"] == ["\x02"]
    assert body["highlight"]["fields"] == {
        "cf_text_en": {"fragment_size": 200, "number_of_fragments": 1}
    }
    assert body["query"]["bool"]["filter"] == [{"ids": {"values": ["3", "4"]}}]


@pytest.mark.elasticsearch
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="set ELASTICSEARCH_URL")
def test_against_a_real_cluster(es_backend, corpus, client):
    from django.core.management import call_command

    call_command("update_index", backend_name="default", verbosity=0)
    es_backend.es.indices.refresh(index="_all")
    data = client.get("/api/v2/search/", {"q": "Förderungen", "locale": "de"}).json()
    assert [r["title"] for r in data["results"]] == ["Förderung für Kreativ-Hubs"]
    assert "<mark>" in data["results"][0]["snippet_html"]
