"""Scale-out: two gunicorn servers behind Debian's nginx, one database, one
Redis, one search index (benchmarks/scale_out.py does the work).

The same URL answers the same page through either server and through the
proxy, from the shared page cache; an editor's publish and unpublish in the
admin on server A are seen by the very next anonymous request through nginx
and directly on server B, in the page, its listing, the home page and the
search. And the login throttle counts a visitor's failed sign-in through
nginx against the visitor's address (TRUSTED_PROXY_COUNT=1), not against
nginx's or a forged one.

On PostgreSQL (DATABASE_URL) the database is DATABASE_URL's name plus
``_scaleout``, dropped and created again; otherwise SQLite in a temporary
folder. Redis: SCALE_OUT_REDIS_URL, default redis://127.0.0.1:6379/10, which
is flushed (the unit tests, which may run at the same time, use 4, 7 and 8).
SCALE_OUT_PORT_BASE picks the three ports (else free ones).
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale_out  # noqa: E402


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return ""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_scaleout"))


@pytest.fixture(scope="module")
def checks():
    if not scale_out.nginx_available():
        pytest.skip(f"nginx is not installed at {scale_out.NGINX} (apt-get install nginx-light)")
    return scale_out.run(
        database_url(),
        os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/10"),
        port_base=int(os.environ.get("SCALE_OUT_PORT_BASE", "0")),
        workers=2,
    )


def by_name(checks, start: str):
    found = [check for check in checks if check.name.startswith(start)]
    assert found, f"no check named {start!r}"
    return found


def failures(found) -> list[str]:
    return [f"{check.name} [{check.detail}]" for check in found if not check.ok]


def test_every_check_passes(checks):
    assert len(checks) >= 20
    assert not failures(checks)


def test_pages_are_the_same_through_a_b_and_nginx(checks):
    found = by_name(checks, "same body via A, B and nginx")
    assert len(found) == 3 and not failures(found)
    assert not failures(by_name(checks, "second request from the page cache"))
    assert not failures(by_name(checks, "nginx spreads requests over A and B"))


def test_a_publish_on_a_is_seen_at_once_through_nginx_and_on_b(checks):
    assert not failures(by_name(checks, "before the publish, every page is a cache hit"))
    assert not failures(by_name(checks, "the editor publishes a new title"))
    fresh = by_name(checks, "next request via nginx shows the new title")
    fresh += by_name(checks, "next request via B shows the new title")
    assert len(fresh) == 6 and not failures(fresh)
    # Each of them was purged, not merely never cached.
    assert all("X-Page-Cache miss" in check.detail for check in fresh)
    assert not failures(by_name(checks, "search on B finds the new title"))


def test_an_unpublish_on_a_is_seen_at_once_through_nginx_and_on_b(checks):
    assert not failures(by_name(checks, "the editor unpublishes the story"))
    gone = by_name(checks, "next request via nginx for the story answers 404")
    gone += by_name(checks, "next request via B for the story answers 404")
    gone += by_name(checks, "next request via nginx no longer lists the story")
    gone += by_name(checks, "next request via B no longer lists the story")
    assert len(gone) == 6 and not failures(gone)


def test_the_proxy_passes_on_the_visitors_address_and_no_forged_one(checks):
    found = by_name(checks, "a failed sign-in from 127.0.0.2 through nginx")
    assert len(found) == 1 and not failures(found)
