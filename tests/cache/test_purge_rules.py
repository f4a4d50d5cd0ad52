"""The rules under the page cache: a request that began before a purge never
stores what it read; lost tags and an unreachable cache fail safe; a frontend
cache receives the same purges; odd query strings never answer 5xx."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from core.pagecache import store
from tests.cache.conftest import get

pytestmark = pytest.mark.django_db

PAPER = "/en/policy-papers/micro-grants/"


def test_a_purge_during_a_request_prevents_storing(page_cache):
    _entry, sequence = store.read_entry_and_sequence("pc:e:test")
    tags = {"page:1", "locale:en"}
    assert store.tag_values(tags, sequence) is not None
    # The request has read the database; now an editor publishes.
    store.bump({"page:1"})
    assert store.tag_values(tags, sequence) is None


def test_an_entry_dies_with_any_of_its_tags(page_cache):
    _entry, sequence = store.read_entry_and_sequence("pc:e:test")
    values = store.tag_values({"page:1", "tree:1"}, sequence)
    entry = {"tags": values}
    assert store.entry_is_current(entry)
    store.bump({"tree:1"})
    assert not store.entry_is_current(entry)
    # A tag lost from the cache (evicted) counts as purged.
    values = store.tag_values({"page:2"}, store.read_entry_and_sequence("x")[1])
    page_cache.delete(store.tag_key("page:2"))
    assert not store.entry_is_current({"tags": values})


def test_a_lost_sequence_restarts_above_every_number_given(page_cache):
    store.bump({"page:1"})
    old = page_cache.get(store.SEQUENCE_KEY)
    page_cache.delete(store.SEQUENCE_KEY)
    _entry, sequence = store.read_entry_and_sequence("pc:e:test")
    assert sequence > old


def test_pages_are_served_when_the_cache_server_is_down(client, papers, commit):
    from django.conf import settings
    from django.test import override_settings

    from core.pagecache import store as page_store

    down = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
    with override_settings(CACHES={**settings.CACHES, "pages": down}):
        response, state = get(client, PAPER)
        assert response.status_code == 200 and state == "pass"
        assert "private" in response["Cache-Control"]
        with commit():  # the purge fails, is logged, and the publish stands
            paper = papers["first"].specific
            paper.title = "Published while the cache was down"
            paper.save_revision().publish()
        assert b"Published while the cache was down" in get(client, PAPER)[0].content
    # The next purge that reaches the cache purges everything.
    assert page_store._failed_purge
    _entry, sequence = page_store.read_entry_and_sequence("pc:e:test")
    entry = {"tags": page_store.tag_values({"page:99999", "all"}, sequence)}
    assert page_store.entry_is_current(entry)
    page_store.bump({"page:1"})  # not one of the entry's tags, but "all" goes too
    assert not page_store.entry_is_current(entry)
    assert not page_store._failed_purge


class PurgeRecorder(BaseHTTPRequestHandler):
    """A Varnish-like server that records the PURGE requests it receives."""

    purged: list = []

    def do_PURGE(self):  # noqa: N802
        PurgeRecorder.purged.append(self.headers["Host"] + self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def frontend_cache(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_a_frontend_cache_gets_the_same_purges(client, papers, commit, frontend_cache):
    response = get(client, PAPER)[0]
    assert "s-maxage=3600" in response["Cache-Control"]
    with commit():
        paper = papers["second"].specific
        paper.title = "Shared studios, revised"
        paper.save_revision().publish()
    purged = {url.split("/", 1)[1] for url in frontend_cache}
    assert "en/policy-papers/shared-studios/" in purged  # the page
    assert "en/policy-papers/" in purged  # its listing
    assert "en/" in purged  # the home page lists news and features pages
    assert "sitemap.xml" in purged and "sitemap-pages.xml" in purged
    assert "en/feeds/" in purged
    assert "en/policy-papers/micro-grants/" not in purged  # an unrelated detail page


QUERY_TEXT = st.lists(
    st.sampled_from(list("abc=&%?²٣\x00 é") + ["page", "theme", "99999999999999999999"]),
    max_size=12,
).map("".join)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERY_TEXT)
def test_odd_query_strings_never_answer_5xx_nor_mix_entries(client, papers, query):
    # Raw UTF-8 bytes on the wire reach Django as a WSGI server passes them.
    wsgi_query = query.encode("utf-8").decode("latin-1")
    first = client.get("/en/policy-papers/", QUERY_STRING=wsgi_query)
    second = client.get("/en/policy-papers/", QUERY_STRING=wsgi_query)
    assert first.status_code < 500 and second.status_code == first.status_code
    if first.status_code == 200:
        assert second.get("X-Page-Cache") == "hit"
        # The same filtered page again, not another variant's.
        strip = lambda body: body.split(b'nonce="')[0]  # noqa: E731
        assert strip(second.content) == strip(first.content)
    else:
        assert second.get("X-Page-Cache") != "hit"


def test_a_miss_costs_no_query_more_than_no_cache(client, papers, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PAPER)  # warm Wagtail's own caches (site root paths)
    settings.PAGE_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as without:
        client.get(PAPER, {"v": "1"})
    settings.PAGE_CACHE_ENABLED = True
    # Another query string: a new entry. (Clearing the cache would also clear
    # Wagtail's own entries when both share one Redis database.)
    with CaptureQueriesContext(connection) as miss:
        response = client.get(PAPER, {"v": "2"})
    assert response["X-Page-Cache"] == "miss"
    assert len(miss) == len(without)


def test_the_purge_command_purges_every_page(client, papers):
    from django.core.management import call_command

    for path in (PAPER, "/en/", "/sitemap.xml"):
        get(client, path)
        assert get(client, path)[1] == "hit"
    call_command("purge_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for path in (PAPER, "/en/", "/sitemap.xml"):
        assert get(client, path)[1] == "miss"


def test_an_esco_import_purges_every_page(client, papers, commit):
    """The import writes in bulk (no signals): it purges everything on commit."""
    from io import StringIO

    from django.core.management import call_command

    from tests.learning.conftest import FIXTURES

    get(client, PAPER)
    assert get(client, PAPER)[1] == "hit"
    with commit():
        call_command("import_esco", str(FIXTURES), stdout=StringIO(), stderr=StringIO())
    assert get(client, PAPER)[1] == "miss"


def test_a_new_release_does_not_serve_the_old_releases_entries(client, papers, settings):
    from core.pagecache import store as page_store

    page_store.code_version.cache_clear()
    try:
        settings.PAGE_CACHE_VERSION = "release-1"
        get(client, PAPER)
        assert get(client, PAPER)[1] == "hit"
        settings.PAGE_CACHE_VERSION = "release-2"
        page_store.code_version.cache_clear()
        assert get(client, PAPER)[1] == "miss"
    finally:
        page_store.code_version.cache_clear()


def test_the_release_digest_follows_the_templates(settings, tmp_path):
    from core.pagecache import store as page_store

    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>one</p>")
    settings.BASE_DIR = tmp_path
    settings.PAGE_CACHE_VERSION = ""
    page_store.code_version.cache_clear()
    try:
        first = page_store.code_version()
        template.write_text("<p>two</p>")
        page_store.code_version.cache_clear()
        assert page_store.code_version() != first
    finally:
        page_store.code_version.cache_clear()
