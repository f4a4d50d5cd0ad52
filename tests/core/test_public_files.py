"""/favicon.ico and /robots.txt, the designed error pages with DEBUG off,
and the development settings (DEBUG off unless DJANGO_DEBUG=1, static
files still served)."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from core.views import server_error

ROOT = Path(__file__).resolve().parents[2]


def test_favicon_is_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"] and (16, 16) in icon.info["sizes"]
    assert len(response.content) < 20_000
    assert client.post("/favicon.ico").status_code == 405


def test_svg_icon_is_linked_and_served(client):
    assert client.get("/static/icons/favicon.svg").status_code == 200


@pytest.mark.django_db
def test_pages_link_the_icon(client, home_all_locales):
    html = client.get("/el/").content.decode()
    assert 'rel="icon" href="/static/icons/favicon.svg"' in html


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert any(line.startswith("Sitemap: http") for line in lines)


@pytest.mark.django_db
def test_404_is_designed_and_in_the_visitors_language(client, home_all_locales, settings):
    assert settings.DEBUG is False
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Seite nicht gefunden" in html
    assert 'action="/de/search/"' in html
    assert "URLconf" not in html and "Traceback" not in html


def test_500_needs_no_database_and_speaks_the_visitors_language():
    # No django_db mark: any query here would fail the test.
    request = RequestFactory().get("/el/broken/")
    with translation.override("de"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="de">' in html
    assert "Etwas ist schiefgelaufen" in html
    assert 'href="/de/"' in html
    assert "/static/css/site.css" in html


@pytest.mark.django_db
def test_a_failing_view_gets_the_designed_500(client, home, monkeypatch):
    from home.models import HomePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(HomePage, "serve", broken)
    client.raise_request_exception = False
    response = client.get("/en/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def dev_settings(extra: dict) -> list[str]:
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DEBUG, settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_DEBUG", "SITE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="creativeflip.settings.dev", **extra)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_dev_settings_have_debug_off_unless_asked():
    assert dev_settings({}) == ["False", "http://127.0.0.1:8000", "http://127.0.0.1:8000"]
    assert dev_settings({"DJANGO_DEBUG": "1"})[0] == "True"
    assert dev_settings({"SITE_URL": "https://kb.example.org"})[1:] == [
        "https://kb.example.org",
        "https://kb.example.org",
    ]


def test_runserver_serves_css_with_debug_off(tmp_path):
    """The dev settings under a real runserver: CSS and the icon answer 200.
    Its database is empty (no tables), so a missing file's 404 page fails
    too: the visitor gets the designed 500, which needs no database, never
    Django's debug page."""
    import socket
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_DEBUG", "SITE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="creativeflip.settings.dev",
        SITE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                css = urllib.request.urlopen(base + "/static/css/site.css", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("runserver did not answer")
        assert css.status == 200 and b"{" in css.read()
        assert urllib.request.urlopen(base + "/favicon.ico", timeout=5).status == 200
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/static/css/no-such.css", timeout=5)
        assert missing.value.code == 500
        page = missing.value.read().decode()
        assert "Something went wrong" in page and "/static/css/site.css" in page
        assert "Traceback" not in page and "DEBUG = True" not in page
    finally:
        server.terminate()
        server.wait(timeout=10)
