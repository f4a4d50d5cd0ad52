"""Browser tests: Playwright drives Debian's chromium against a real server.

The session migrates a dedicated database, loads the demo content into it and
starts ``manage.py runserver`` on a free loopback port; tests browse that
site as a visitor would. On SQLite the database is ``.e2e-db.sqlite3``; when
DATABASE_URL names PostgreSQL, a database with ``_e2e`` appended.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
SNAPSHOT = (
    "import json; from tests.core.demo_snapshot import snapshot; print(json.dumps(snapshot()))"
)
DEMO_BUILT = pytest.StashKey[dict]()


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _e2e_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{ROOT / '.e2e-db.sqlite3'}"
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_e2e"
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_env():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DATABASE_URL=_e2e_database_url(),
        DJANGO_SETTINGS_MODULE="creativeflip.settings.e2e",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args, timeout=900):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def live_site(e2e_env, request):
    """Base URL of a running server with the demo content loaded."""
    sqlite = ROOT / ".e2e-db.sqlite3"
    if e2e_env["DATABASE_URL"].startswith("sqlite") and sqlite.exists():
        sqlite.unlink()
    # The site's public address is the test server's, as SITE_URL makes it
    # under make run: every absolute link the site writes points back here.
    # E2E_PORT: a fixed port, for machines where each user has a range.
    port = int(os.environ.get("E2E_PORT") or 0) or _free_port()
    e2e_env["SITE_URL"] = f"http://127.0.0.1:{port}"
    manage(e2e_env, "migrate", "--noinput")
    manage(e2e_env, "load_demo", "-v0")
    # What the demo built, before any test changes it (tests/e2e/test_demo.py).
    built = manage(e2e_env, "shell", "-v0", "-c", SNAPSHOT).strip().splitlines()[-1]
    request.config.stash[DEMO_BUILT] = json.loads(built)
    # The server's log goes to a file: runserver writes a line per request to
    # stderr, and a pipe nobody reads fills up (64 KB) and stops the server.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure",
             f"127.0.0.1:{port}"],
            cwd=ROOT, env=e2e_env, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz/", timeout=2)
                break
            except OSError as error:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    log.seek(0)
                    raise RuntimeError(
                        "the e2e server did not start:\n" + log.read().decode()
                    ) from error
                time.sleep(0.3)
        yield base
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def base_url(live_site):
    return live_site


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is needed at {CHROMIUM} (apt-get install -y chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe_check injects axe-core as an inline script, which the site's
    # Content-Security-Policy blocks. test_csp_e2e.py opens contexts of its
    # own, without this, to check the policy itself.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def axe_check():
    """Run axe-core on the current page; fail with a readable list of any
    WCAG 2.1 A/AA violations."""

    def check(page):
        assert AXE.exists(), "run `npm ci` to install axe-core"
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "targets": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]
        assert violations == [], f"axe violations on {page.url}:\n" + json.dumps(
            violations, indent=2, ensure_ascii=False
        )
        return result

    return check


@pytest.fixture
def at_width(browser):
    """Open a page in a fresh browser context of the given width (phone
    height below 1000 px); the contexts close after the test."""
    contexts = []

    def open_page(width):
        context = browser.new_context(
            viewport={"width": width, "height": 844 if width < 1000 else 900}, bypass_csp=True
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
