"""The language switcher of a view that is not a Wagtail page (the search
page): ``core.chrome.view_path`` gives what Django's ``translate_url`` gives,
query and all, resolving each path once per process."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import translate_url
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core import chrome
from core.chrome import language_links, view_path

CODES = [code for code, _name in settings.LANGUAGES]
PATHS = [
    "/en/search/",
    "/en/search/suggest/",
    "/fr/search/",
    "/en/no/such/page/",
    "/en/caf%C3%A9/",
    "/nowhere",
    "//example.com/en/search/",
    "////en/search/",
]


@pytest.fixture(autouse=True)
def empty_memo():
    chrome._view_paths.clear()
    yield
    chrome._view_paths.clear()


def full_path(path: str, query: str = "") -> str:
    """``path`` with ``query`` as a request gives them to the switcher."""
    request = RequestFactory().get(path)
    request.META["QUERY_STRING"] = query
    return request.get_full_path()


def test_the_search_pages_links_are_translate_urls():
    request = RequestFactory().get("/en/search/?q=x")
    links = language_links(request, None)
    assert [link["url"] for link in links] == [
        translate_url("/en/search/?q=x", code) for code in CODES
    ]
    assert links[CODES.index("fr")]["url"] == "/fr/search/?q=x"
    assert [link["current"] for link in links] == [code == "en" for code in CODES]


@given(
    path=st.sampled_from(PATHS),
    query=st.text(max_size=40),
    active=st.sampled_from(["en", "fr"]),
)
def test_the_same_url_as_translate_url_whatever_the_query(path, query, active):
    url = full_path(path, query)
    with translation.override(active):
        for code in CODES:
            assert view_path(url, code) == translate_url(url, code), (url, code)


@pytest.mark.parametrize(
    "query", ["q=x#top", "q=x#", "q=%23&a=%C3%A9", "q=caf\u00e9", "?", "#", "q=a?b"]
)
def test_odd_queries_are_kept_as_translate_url_keeps_them(query):
    url = full_path("/en/search/", query)
    for code in ("en", "de"):
        assert view_path(url, code) == translate_url(url, code)


def test_a_path_is_resolved_once_whatever_its_query():
    assert view_path("/en/search/?q=a", "fr") == "/fr/search/?q=a"
    assert len(chrome._view_paths) == 1
    # The kept answer is used: were the path resolved again, this marker
    # would not show.
    [key] = chrome._view_paths
    chrome._view_paths[key] = "/fr/marker/"
    assert view_path("/en/search/?q=b", "fr") == "/fr/marker/?q=b"
    assert len(chrome._view_paths) == 1


def test_the_active_language_is_part_of_the_key():
    # Under i18n_patterns a path resolves only under its own prefix.
    assert view_path("/en/search/", "de") == "/de/search/"
    with translation.override("fr"):
        assert view_path("/en/search/", "de") == "/en/search/" == translate_url("/en/search/", "de")
    assert len(chrome._view_paths) == 2


def test_the_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(chrome, "VIEW_PATHS_MAX", 3)
    for n in range(10):
        view_path(f"/en/page-{n}/", "fr")
        assert len(chrome._view_paths) <= 3
    assert view_path("/en/page-9/", "fr") == "/fr/page-9/"


def test_a_setting_change_empties_the_memo(settings):
    view_path("/en/search/", "fr")
    assert chrome._view_paths
    settings.ROOT_URLCONF = settings.ROOT_URLCONF
    assert chrome._view_paths == {}
