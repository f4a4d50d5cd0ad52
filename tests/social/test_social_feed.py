"""The social feed: fixture feeds served by a local HTTP server, good and
broken, fetched by the real command; the home page shows what was stored."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from social.fetch import FetchError, fetch, is_public_address
from social.models import FeedSource, SocialPost

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hub news</title><link>https://hub.example.org/</link>
<description>d</description>
<item><guid>https://hub.example.org/1</guid><title>Open studio day</title>
<link>https://hub.example.org/1</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Come <b>in</b><script>alert(1)</script>
<a href="javascript:alert(2)" onclick="x()">here</a> <img src=x onerror=y()></p>]]>
</description></item>
<item><guid>https://hub.example.org/2</guid><title>Older</title>
<link>https://hub.example.org/2</link><pubDate>Mon, 02 Feb 2026 10:00:00 GMT</pubDate>
<description>Plain text</description></item>
</channel></rss>"""

# A Mastodon account's feed: posts without titles.
MASTODON = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>@flip</title><link>https://social.example.eu/@flip</link>
<description>d</description>
<item><guid isPermaLink="true">https://social.example.eu/@flip/111</guid>
<link>https://social.example.eu/@flip/111</link><pubDate>Wed, 04 Mar 2026 08:00:00 +0000</pubDate>
<description>&lt;p&gt;Our call for twin hubs is open until May.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Partner</title><id>urn:x</id>
<updated>2026-03-01T00:00:00Z</updated>
<entry><title>Atom post</title><id>urn:x:1</id><link href="https://p.example.org/a"/>
<updated>2026-03-01T00:00:00Z</updated><summary>Summary</summary></entry></feed>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - the standard library's name
        routes = {
            "/rss": (200, RSS),
            "/mastodon": (200, MASTODON),
            "/atom": (200, ATOM),
            "/malformed": (200, "<rss><channel><item><title>broken"),
            "/html": (200, "<html><body>Not a feed</body></html>"),
            "/down": (503, "maintenance"),
        }
        if self.path == "/huge":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<rss>" + b"x" * (3 * 1024 * 1024))
            return
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/rss")
            self.end_headers()
            return
        status, body = routes.get(self.path, (200, RSS) if self.path == "/slow" else (404, ""))
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())


@pytest.fixture(scope="module")
def feed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def local(settings):
    """The tests' feed server is on loopback: allow it, as production doesn't."""
    settings.SOCIAL_FEED_ALLOW_PRIVATE = True
    settings.SOCIAL_FEED_TIMEOUT = 0.5
    settings.SOCIAL_FEED_MAX_BYTES = 1024 * 1024


def source(url, name="Hub", **kwargs):
    return FeedSource.objects.create(name=name, url=url, **kwargs)


def refresh():
    call_command("refresh_social_feed", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_rss_posts_are_stored_clean(feed_server, local):
    hub = source(feed_server + "/rss")
    refresh()
    hub.refresh_from_db()
    assert hub.last_error == "" and hub.last_success_at
    first, second = SocialPost.objects.filter(source=hub)
    assert (first.title, second.title) == ("Open studio day", "Older")
    assert "<script" not in first.text_html and "alert" not in first.text_html
    assert "javascript:" not in first.text_html and "onclick" not in first.text_html
    assert "onerror" not in first.text_html and "<img" not in first.text_html
    assert "<b>in</b>" in first.text_html


def test_mastodon_and_atom_feeds(feed_server, local):
    source(feed_server + "/mastodon", "Mastodon")
    source(feed_server + "/atom", "Partner")
    refresh()
    toot = SocialPost.objects.get(source__name="Mastodon")
    assert toot.title == "Our call for twin hubs is open until May."
    assert toot.link == "https://social.example.eu/@flip/111"
    assert SocialPost.objects.get(source__name="Partner").title == "Atom post"


def test_refresh_is_idempotent(feed_server, local):
    source(feed_server + "/rss")
    refresh()
    refresh()
    assert SocialPost.objects.count() == 2


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/down", "503"),
        ("/slow", "Could not reach"),
        ("/huge", "larger than"),
        ("/malformed", "not a readable"),
        ("/html", "not a readable"),
    ],
)
def test_a_broken_feed_keeps_the_old_posts(feed_server, local, path, problem):
    hub = source(feed_server + "/rss")
    refresh()
    hub.url = feed_server + path
    hub.save()
    refresh()
    hub.refresh_from_db()
    assert problem in hub.last_error
    assert SocialPost.objects.filter(source=hub).count() == 2


def test_redirects_are_followed(feed_server, local):
    source(feed_server + "/redirect")
    refresh()
    assert SocialPost.objects.count() == 2


def test_private_addresses_are_refused_by_default(feed_server, settings):
    assert settings.SOCIAL_FEED_ALLOW_PRIVATE is False
    hub = source(feed_server + "/rss")
    refresh()
    hub.refresh_from_db()
    assert "private or local" in hub.last_error
    assert not SocialPost.objects.exists()
    for url in ("http://localhost:9/", "http://[::1]:9/", "http://0.0.0.0:9/"):  # noqa: S104
        with pytest.raises(FetchError):
            fetch(url)
    with pytest.raises(FetchError, match="http and https"):
        fetch("file:///etc/passwd")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        ("0.0.0.0", False),  # noqa: S104 - an address to refuse, not to bind
        ("93.184.215.14", True),
        ("2a00:1450:4001:80b::200e", True),
    ],
)
def test_address_classes(address, public):
    assert is_public_address(address) is public


@given(st.ip_addresses(v=4))
def test_private_ipv4_is_never_public(address):
    if address.is_private or address.is_loopback or address.is_link_local:
        assert not is_public_address(str(address))


def test_home_page_shows_posts_with_source_and_date(client, home, feed_server, local):
    source(feed_server + "/rss", "Officina news", language="it")
    refresh()
    html = client.get(home.url).content.decode()
    assert "From the network" in html
    assert "Officina news" in html and 'lang="it"' in html
    assert 'datetime="2026-03-03T' in html
    assert "<script>alert(1)</script>" not in html


def test_home_page_without_posts_has_no_empty_block(client, home):
    assert "From the network" not in client.get(home.url).content.decode()


def test_inactive_sources_are_hidden(client, home, feed_server, local):
    hub = source(feed_server + "/rss", "Hidden hub")
    refresh()
    hub.active = False
    hub.save()
    assert "Hidden hub" not in client.get(home.url).content.decode()


def test_admin_reports_a_failing_feed(admin_client, feed_server, local):
    source(feed_server + "/down", "Broken hub")
    refresh()
    response = admin_client.get("/admin/snippets/social/feedsource/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Broken hub" in html and "503" in html


def test_only_staff_with_rights_manage_sources(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    assert client.get("/admin/snippets/social/feedsource/").status_code in (302, 403)
