"""Snippets read as text: no Python list (``['…']``) from StreamFields, no
home page among the results, no page number at the end of a PDF snippet."""

import json
import re

import pytest

from knowledgebase.models import CaseStoryIndexPage, CaseStoryPage
from search.highlight import build_snippet, without_page_numbers
from search.text import flatten, page_text
from tests.shared_data import fresh

from .conftest import add
from .test_documents import document_page_model, make_document, make_page

pytestmark = pytest.mark.django_db

LIST_MARKS = ("['", "']", '["', '"]', "[&#x27;", "&#x27;]")


def quotes(*texts):
    return json.dumps(
        [{"type": "quote", "value": {"quote": t, "attribution": "Ana", "role": ""}} for t in texts]
    )


@pytest.fixture
def stories(module_stories, shared_corpus):
    return fresh(module_stories)


@pytest.fixture(scope="module")
def module_stories(module_corpus, module_homes):
    """A case story with quotes (a StreamField) in English and in German,
    built once for the module."""
    pages = {}
    for code, words in (
        ("en", ("Each ceramicist needed a kiln and finance.", "The hub bought one.")),
        ("de", ("Jede Keramikerin brauchte einen Ofen und Finanzen.", "Der Hub kaufte einen.")),
    ):
        index = add(module_homes[code], CaseStoryIndexPage, title=f"Stories {code}")
        pages[code] = add(
            index,
            CaseStoryPage,
            title=f"Kiln story {code}",
            summary="A shared kiln in Gdańsk.",
            city="Gdańsk",
            challenge="Kilns are dear.",
            quotes=quotes(*words),
        )
    return pages


def snippets(html: str) -> list[str]:
    return re.findall(r'<p class="search-result__snippet">(.*?)</p>', html, re.S)


def test_flatten_turns_nested_lists_into_strings():
    assert flatten(["a", ["b", ["c"]], None, ""]) == ["a", "b", "c"]
    assert flatten("plain") == ["plain"]
    assert flatten(None) == []


def test_stream_field_text_is_plain(stories):
    text = page_text(stories["en"])
    assert "Each ceramicist needed a kiln" in text
    assert not any(mark in text for mark in LIST_MARKS), text


@pytest.mark.parametrize(
    "code,query",
    [("en", "kiln"), ("en", "hub"), ("en", "finance"), ("de", "Ofen"), ("de", "Hub")],
)
def test_no_list_text_in_rendered_snippets(client, stories, code, query):
    html = client.get(f"/{code}/search/", {"q": query}).content.decode()
    found = snippets(html)
    assert found, f"no results for {query!r} in {code}"
    for snippet in found:
        assert not any(mark in snippet for mark in LIST_MARKS), snippet


@pytest.mark.parametrize("code,query", [("en", "kiln"), ("en", "ceramicist"), ("de", "Ofen")])
def test_no_list_text_in_api_snippets(client, stories, code, query):
    data = client.get("/api/v2/search/", {"q": query, "locale": code}).json()
    assert data["results"], data
    for result in data["results"]:
        assert not any(mark in result["snippet_html"] for mark in LIST_MARKS), result
    quoted = [r for r in data["results"] if r["title"] == f"Kiln story {code}"]
    assert quoted and "<mark>" in quoted[0]["snippet_html"]


def test_home_page_is_never_a_result(client, shared_corpus, shared_homes):
    home = shared_homes["en"]
    home.title = "Funding home"
    home.save_revision().publish()
    data = client.get("/api/v2/search/", {"q": "funding", "locale": "en"}).json()
    ids = [r["id"] for r in data["results"]]
    assert ids, "the corpus has funding pages"
    assert home.pk not in ids
    suggested = client.get("/en/search/suggest/", {"q": "Funding"}).json()["titles"]
    assert "Funding home" not in [t["title"] for t in suggested]
    assert suggested  # the papers still come


def test_page_numbers_are_cut_from_pdf_text():
    assert without_page_numbers("Title\nText one.\n1\n\nText two.\n- 2 -") == (
        "Title\nText one.\n\nText two."
    )
    assert without_page_numbers("3\nA table\n12 500\n4 / 9") == "A table\n12 500"


def test_pdf_snippet_does_not_end_with_page_number(client, home):
    model = document_page_model()
    document = make_document(["Contents", "Shared studios lower rents for makers"])
    assert document.page_texts[1].rstrip().endswith("2")  # the footer, as read
    snippet = build_snippet(["rents"], "A page about hubs.", document)
    assert snippet.document_page == 2
    assert str(snippet.html).endswith("makers")
    make_page(home, model, document)
    data = client.get("/api/v2/search/", {"q": "rents", "locale": "en"}).json()
    assert data["results"][0]["snippet_html"].endswith("makers")


def test_search_page_is_valid_html(client, stories):
    from tests import vnu

    if vnu.available():
        pytest.skip(vnu.available())
    pages = {
        "results": client.get("/en/search/", {"q": "kiln"}).content.decode(),
        "filtered": client.get("/de/search/", {"q": "Ofen", "type": "x"}).content.decode(),
        "nothing": client.get("/el/search/", {"q": "zzzz"}).content.decode(),
        "landing": client.get("/en/search/").content.decode(),
    }
    errors = vnu.validate(pages)
    assert not any(errors.values()), errors
