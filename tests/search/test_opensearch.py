"""The OpenSearch path, against the osmem-server EMULATOR (an in-memory
server speaking the OpenSearch API, started on 127.0.0.1 by its pytest
fixture). It is not a real cluster: analysis is the emulator's own."""

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]


@pytest.fixture
def opensearch(settings, osmem_url):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [osmem_url],
            "INDEX_PREFIX": "cftest_",
            "TIMEOUT": 10,
        }
    }
    return osmem_url


@pytest.fixture
def indexed(opensearch, corpus):
    call_command("update_index", backend_name="default", verbosity=0)
    backend = get_search_backend()
    backend.es.indices.refresh(index="_all")
    return corpus


def test_index_mapping_has_a_field_per_language(indexed):
    backend = get_search_backend()
    mapping = backend.es.indices.get_mapping(index="cftest_wagtailcore_page")
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["cf_text_de"]["analyzer"] == "cf_de"
    assert properties["cf_text_el"]["analyzer"] == "cf_el"


def test_search_through_the_emulator(client, indexed):
    response = client.get("/api/v2/search/", {"q": "funding", "locale": "en"})
    assert response.status_code == 200
    data = response.json()
    found = [r["title"] for r in data["results"]]
    assert "Funding for creative hubs" in found
    assert all("/en/" in r["url"] for r in data["results"])
    assert any("<mark>" in r["snippet_html"] for r in data["results"])


def test_german_stemming_through_the_emulator(client, indexed):
    data = client.get("/api/v2/search/", {"q": "Förderungen", "locale": "de"}).json()
    assert [r["title"] for r in data["results"]] == ["Förderung für Kreativ-Hubs"]


def test_engine_highlighter(indexed):
    backend = get_search_backend()
    paper = indexed["en"]["funding"]
    fragments = backend.highlight([paper.pk], "funding", "en")
    assert "\x02" in fragments[paper.pk]
