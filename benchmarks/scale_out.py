"""Scale-out, shown: two application servers behind one nginx, sharing one
database, one Redis and the search index, serve the same pages, and a
publish on one is seen through the other at once.

    .venv/bin/python benchmarks/scale_out.py
    .venv/bin/python benchmarks/scale_out.py \\
        --database-url postgres://postgres@127.0.0.1:5432/cf_scaleout \\
        --redis-url redis://127.0.0.1:6379/8 --port-base 18150

What it does, all on 127.0.0.1:

1. Prepares a database: the PostgreSQL database named by --database-url is
   DROPPED and created again (without it, a SQLite file in a temporary
   folder); migrate, collectstatic (hashed names), a home page, a news
   listing with five stories, and an editor account. The Redis database
   of --redis-url is flushed.
2. Starts gunicorn twice ("A" and "B", production settings, DEBUG off, the
   page cache in that Redis, Wagtail's database search) and Debian's nginx
   with deploy/nginx.conf, filled in, under its own prefix in the
   temporary folder (never the system's configuration).
3. Checks:
   - consistent pages: the home page, the listing and a story answer the
     same body through A, through B and through nginx (CSP nonces aside),
     from the page cache on the second request; nginx sent requests to both;
   - purges: an editor signs in to the Wagtail admin on A and publishes a
     new title for the story over HTTP; the very next anonymous request
     through nginx and directly to B gets the new title (story, listing,
     home page), and a search on B finds it. Then the editor unpublishes it
     on A, and the next requests through nginx and B answer 404;
   - the client's address: a failed sign-in from 127.0.0.2 through nginx,
     with a forged X-Forwarded-For, is counted by the login throttle against
     127.0.0.2 (TRUSTED_PROXY_COUNT=1): not nginx's address, not the forged one.
4. Stops everything and removes the temporary folder.

Prints one line per check and exits with status 1 if any failed.
tests/e2e/test_scale_out_e2e.py runs the same checks.
"""

import argparse
import html.parser
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import fresh_database  # benchmarks/, beside this file
import requests

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
TEMPLATE = ROOT / "deploy" / "nginx.conf"
EDITOR = "scaleout-editor"
STORY = "/en/news/story-4/"
LISTING = "/en/news/"
VISITOR = "127.0.0.2"  # a loopback address other than nginx's
HOME = "/en/"

SETUP = """
import datetime
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from core.demo_tools import ensure_page
from home.demo import ensure_home
from knowledgebase.models import NewsIndexPage, NewsPage
home = ensure_home()
news = ensure_page(home, NewsIndexPage, "news", title="News")
for n in range(5):
    ensure_page(
        news, NewsPage, f"story-{{n}}", title=f"Story {{n}} from a creative hub",
        summary="A hub shares its studio with a school.",
        body="<p>" + "Makers and students share one workshop. " * 20 + "</p>",
        date=datetime.date(2026, 1, 1 + n),
    )
story = NewsPage.objects.get(slug="story-4")
if not story.live:  # unpublished by an earlier run (--keep-database)
    story.save_revision().publish()
editor, _ = get_user_model().objects.get_or_create(
    username={user!r}, defaults={{"email": "editor@example.org"}}
)
editor.is_staff = editor.is_superuser = True
editor.set_password({password!r})
editor.save()
AccessAttempt.objects.all().delete()  # an earlier run's (--keep-database)
print(story.pk)
"""


def nginx_available() -> bool:
    return Path(NGINX).exists() and os.access(NGINX, os.X_OK)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def same_body(text: str) -> str:
    """A page's body without what differs per response: CSP nonces."""
    return re.sub(r'nonce="[^"]*"', 'nonce=""', text)


def title_of(text: str) -> str:
    match = re.search(r"<title>(.*?)</title>", text, re.S)
    return " ".join(match.group(1).split()) if match else ""


class FormFields(html.parser.HTMLParser):
    """The values a browser would submit from one form (no JavaScript)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea = self._select = None
        self._text: list[str] = []
        self._option = None
        self._chosen: list[str] = []
        self._first = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._chosen, self._first = (name, "multiple" in attrs), [], None
        elif tag == "option" and self._select:
            self._option = attrs.get("value")
            if self._first is None:
                self._first = self._option
            if "selected" in attrs:
                self._chosen.append(self._option)

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = self._chosen or ([] if multiple or self._first is None else [self._first])
            self.fields.extend((name, value or "") for value in chosen)
            self._select = None


class Browser:
    """An HTTP client that keeps cookies, Secure ones too: production
    settings mark the session and CSRF cookies Secure, and loopback is HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        response = requests.request(
            method, self.base + path, cookies=self.cookies, allow_redirects=False, timeout=60,
            **kwargs,
        )  # fmt: skip
        self.cookies.update(response.cookies.get_dict())
        return response

    def form(self, path: str, form_id: str) -> list[tuple[str, str]]:
        response = self.request("GET", path)
        response.raise_for_status()
        parser = FormFields(form_id)
        parser.feed(response.text)
        if not parser.fields:
            raise RuntimeError(f"no form #{form_id} at {path}")
        return parser.fields


def anonymous(base: str, path: str, **headers) -> requests.Response:
    return requests.get(base + path, allow_redirects=False, timeout=60, headers=headers)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Cluster:
    workdir: Path
    env: dict
    ports: dict
    story_id: int = 0
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    processes: dict = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"http://{HOST}:{self.ports[name]}"

    def manage(self, *args: str, timeout: int = 900) -> str:
        result = subprocess.run(  # noqa: S603 - our interpreter, our manage.py
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
            capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def prepare(self) -> None:
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        script = SETUP.format(user=EDITOR, password=self.password)
        self.story_id = int(self.manage("shell", "-v0", "-c", script).split()[-1])

    def start(self, workers: int) -> None:
        for name in ("A", "B"):
            log = self.workdir / f"gunicorn-{name}.log"
            self.processes[name] = subprocess.Popen(  # noqa: S603 - our interpreter and gunicorn
                [sys.executable, "-m", "gunicorn", "creativeflip.wsgi",
                 "--bind", f"{HOST}:{self.ports[name]}", "--workers", str(workers),
                 "--access-logfile", str(self.workdir / f"access-{name}.log"),
                 "--access-logformat", '"%({x-forwarded-for}i)s" "%(r)s" %(s)s',
                 "--error-logfile", str(log), "--log-level", "warning"],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip
        self.write_nginx_conf()
        self.processes["nginx"] = subprocess.Popen(  # noqa: S603 - Debian's nginx, our config
            [NGINX, "-p", str(self.workdir / "nginx"), "-c", "nginx.conf",
             "-e", str(self.workdir / "nginx" / "error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        for name in ("A", "B", "nginx"):
            self.wait_until_up(name, 90)

    def write_nginx_conf(self) -> None:
        prefix = self.workdir / "nginx"
        prefix.mkdir(exist_ok=True)
        site = TEMPLATE.read_text()
        values = {
            "CF_LISTEN": f"{HOST}:{self.ports['nginx']}",
            "CF_SERVER_NAME": HOST,
            "CF_APP_SERVERS": f"server {HOST}:{self.ports['A']}; server {HOST}:{self.ports['B']};",
            "CF_MEDIA_ROOT": self.env["MEDIA_ROOT"],
        }
        for name, value in values.items():
            site = site.replace("${" + name + "}", value)
        assert "${CF_" not in site, "deploy/nginx.conf has a name scale_out.py does not fill"
        temp = "\n".join(
            f"    {kind}_temp_path {prefix / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (prefix / "nginx.conf").write_text(
            f"""daemon off;
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 512; }}
http {{
    access_log {prefix / "access.log"};
    default_type application/octet-stream;
    types {{ image/jpeg jpg jpeg; image/png png; image/webp webp; image/avif avif; }}
{temp}
{site}
}}
"""
        )

    def wait_until_up(self, name: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.processes[name].poll() is not None:
                raise RuntimeError(f"{name} stopped at start:\n{self.logs()}")
            try:
                if requests.get(self.url(name) + "/healthz/", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{name} did not answer within {seconds} s:\n{self.logs()}")

    def logs(self) -> str:
        paths = [*self.workdir.glob("gunicorn-*.log"), self.workdir / "nginx" / "error.log"]
        return "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in paths if p.exists())

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    # --- the checks ---------------------------------------------------------

    def bases(self) -> dict[str, str]:
        return {"A": self.url("A"), "B": self.url("B"), "nginx": self.url("nginx")}

    def check_consistent(self) -> list[Check]:
        checks = []
        for path in (HOME, LISTING, STORY):
            bodies, cache = {}, {}
            for name, base in self.bases().items():
                first = anonymous(base, path)
                second = anonymous(base, path)
                if first.status_code != 200 or second.status_code != 200:
                    bodies[name] = f"HTTP {first.status_code}/{second.status_code}"
                    continue
                bodies[name] = same_body(second.text)
                cache[name] = second.headers.get("X-Page-Cache", "(none)")
            same = len(set(bodies.values())) == 1
            hits = all(value == "hit" for value in cache.values()) and len(cache) == 3
            detail = ", ".join(f"{name}: {value}" for name, value in cache.items())
            checks.append(Check(f"same body via A, B and nginx: {path}", same, detail))
            checks.append(Check(f"second request from the page cache: {path}", hits, detail))
        served = {name: self.requests_seen(name) for name in ("A", "B")}
        checks.append(
            Check(
                "nginx spreads requests over A and B",
                all(count > 0 for count in served.values()),
                ", ".join(f"{name} answered {count} requests" for name, count in served.items()),
            )
        )
        return checks

    def requests_seen(self, name: str) -> int:
        """Requests that reached gunicorn ``name`` through nginx: those with
        an X-Forwarded-For in its access log."""
        log = self.workdir / f"access-{name}.log"
        text = log.read_text() if log.exists() else ""
        return sum(1 for line in text.splitlines() if not line.startswith('"-"'))

    def editor(self) -> Browser:
        editor = Browser(self.url("A"))
        page = editor.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        fields = {
            "csrfmiddlewaretoken": token,
            "username": EDITOR,
            "password": self.password,
            "next": "/admin/",
        }
        answer = editor.request("POST", "/admin/login/", data=fields)
        if answer.status_code != 302 or "sessionid" not in editor.cookies:
            raise RuntimeError(f"the editor could not sign in on A: HTTP {answer.status_code}")
        return editor

    def publish_title(self, editor: Browser, title: str) -> requests.Response:
        path = f"/admin/pages/{self.story_id}/edit/"
        fields = [(k, v) for k, v in editor.form(path, "page-edit-form") if k != "title"]
        fields += [("title", title), ("action-publish", "action-publish")]
        return editor.request("POST", path, data=fields)

    def check_purge(self) -> list[Check]:
        proxy, b = self.url("nginx"), self.url("B")
        old = title_of(anonymous(proxy, STORY).text)
        for base in (proxy, b):  # everything below is in the page cache now
            for path in (STORY, LISTING, HOME):
                anonymous(base, path)
        before = {
            f"{where} {path}": anonymous(base, path).headers.get("X-Page-Cache")
            for where, base in (("nginx", proxy), ("B", b))
            for path in (STORY, LISTING, HOME)
        }
        checks = [
            Check(
                "before the publish, every page is a cache hit",
                set(before.values()) == {"hit"},
                ", ".join(f"{k}: {v}" for k, v in before.items()),
            )
        ]
        editor = self.editor()
        token = "Scaleout" + secrets.token_hex(4)
        new = f"Story 4, now {token}"
        answer = self.publish_title(editor, new)
        published = answer.status_code == 302
        checks.append(
            Check(
                "the editor publishes a new title through the admin on A",
                published,
                f"HTTP {answer.status_code}" + ("" if published else f": {answer.text[-400:]}"),
            )
        )
        for where, base in (("nginx", proxy), ("B", b)):
            for path in (STORY, LISTING, HOME):
                response = anonymous(base, path)  # the very next request: no retry
                fresh = response.status_code == 200 and token in response.text
                checks.append(
                    Check(
                        f"next request via {where} shows the new title: {path}",
                        fresh and old not in title_of(response.text) if path == STORY else fresh,
                        f"HTTP {response.status_code}, X-Page-Cache "
                        f"{response.headers.get('X-Page-Cache')}",
                    )
                )
        found = anonymous(b, f"/en/search/?q={token}")
        checks.append(
            Check(
                "search on B finds the new title at once (shared index)",
                found.status_code == 200 and token in found.text,
                f"HTTP {found.status_code}",
            )
        )
        checks.extend(self.check_unpublish(editor, token))
        return checks

    def check_unpublish(self, editor: Browser, title_word: str) -> list[Check]:
        path = f"/admin/pages/{self.story_id}/unpublish/"
        page = editor.request("GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        answer = editor.request(
            "POST", path, data={"csrfmiddlewaretoken": token.group(1) if token else ""}
        )
        checks = [
            Check(
                "the editor unpublishes the story through the admin on A",
                answer.status_code == 302,
                f"HTTP {answer.status_code}",
            )
        ]
        for where, base in (("nginx", self.url("nginx")), ("B", self.url("B"))):
            response = anonymous(base, STORY)
            checks.append(
                Check(
                    f"next request via {where} for the story answers 404",
                    response.status_code == 404,
                    f"HTTP {response.status_code}",
                )
            )
            for path in (LISTING, HOME):
                response = anonymous(base, path)
                checks.append(
                    Check(
                        f"next request via {where} no longer lists the story: {path}",
                        response.status_code == 200 and title_word not in response.text,
                        f"HTTP {response.status_code}, X-Page-Cache "
                        f"{response.headers.get('X-Page-Cache')}",
                    )
                )
        return checks

    def check_client_address(self) -> list[Check]:
        """A visitor at 127.0.0.2 fails to sign in through nginx, with a forged
        X-Forwarded-For. The login throttle (django-axes, through
        core/clientip.py and TRUSTED_PROXY_COUNT=1) records 127.0.0.2: not
        nginx's 127.0.0.1, not the forged address."""
        forged = "203.0.113.9"
        connection = http.client.HTTPConnection(
            HOST, self.ports["nginx"], timeout=60, source_address=(VISITOR, 0)
        )
        connection.request("GET", "/admin/login/")
        page = connection.getresponse()
        body = page.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie") or "")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if not (cookie and token):
            return [Check("a failed sign-in through nginx is counted", False, "no CSRF token")]
        form = f"csrfmiddlewaretoken={token.group(1)}&username={EDITOR}&password=wrong"
        connection.request(
            "POST", "/admin/login/", body=form,
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "Cookie": f"csrftoken={cookie.group(1)}", "X-Forwarded-For": forged},
        )  # fmt: skip
        answer = connection.getresponse()
        answer.read()
        connection.close()
        script = (
            "from axes.models import AccessAttempt; "
            "print(sorted(AccessAttempt.objects.values_list('ip_address', flat=True)))"
        )
        seen = self.manage("shell", "-v0", "-c", script).strip().splitlines()[-1]
        return [
            Check(
                f"a failed sign-in from {VISITOR} through nginx counts against {VISITOR}",
                answer.status == 200 and seen == repr([VISITOR]),
                f"HTTP {answer.status}; addresses counted: {seen}; X-Forwarded-For sent: {forged}",
            )
        ]


def database_urls(database_url: str, workdir: Path, keep: bool = False) -> str:
    if not database_url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'db.sqlite3'}"
    if keep:
        return database_url
    return fresh_database.recreate(database_url)


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_timeout=5).flushdb()


def ports_from(base: int) -> dict:
    if base:
        return {"A": base, "B": base + 1, "nginx": base + 2}
    return {"A": free_port(), "B": free_port(), "nginx": free_port()}


def run(
    database_url: str, redis_url: str, port_base: int = 0, workers: int = 2, keep: bool = False
) -> list[Check]:
    """Start everything, run every check, stop everything: the checks."""
    if not nginx_available():
        raise RuntimeError(f"nginx is not installed at {NGINX}")
    workdir = Path(tempfile.mkdtemp(prefix="cf-scale-out-"))
    workdir.chmod(0o755)  # nginx's workers (nobody) read media and write temp files
    ports = ports_from(port_base)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PAGE_CACHE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="creativeflip.settings.production",
        PYTHONPATH=str(ROOT),
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SITE_URL=f"http://{HOST}:{ports['nginx']}",
        SECURE_SSL_REDIRECT="false",
        TRUSTED_PROXY_COUNT="1",
        DATABASE_URL=database_urls(database_url, workdir, keep),
        REDIS_URL=redis_url,
        EMAIL_URL="console://",
        DEFAULT_FROM_EMAIL="scaleout@example.org",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        TASKS_BACKEND="immediate",
        LOG_LEVEL="ERROR",
    )
    env.pop("ELASTICSEARCH_URL", None)
    env.pop("OPENSEARCH_URL", None)
    (workdir / "media").mkdir()
    cluster = Cluster(workdir=workdir, env=env, ports=ports)
    try:
        flush_redis(redis_url)
        started = time.monotonic()
        cluster.prepare()
        print(f"database prepared in {time.monotonic() - started:.0f} s", file=sys.stderr)
        cluster.start(workers)
        checks = cluster.check_consistent()
        checks += cluster.check_purge()
        checks += cluster.check_client_address()
        return checks
    except Exception:
        print(cluster.logs(), file=sys.stderr)
        raise
    finally:
        cluster.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SCALE_OUT_DATABASE_URL", ""),
        help="a PostgreSQL database to DROP and rebuild (default: SQLite in a temporary folder)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/8"),
        help="a Redis database to FLUSH and use (default redis://127.0.0.1:6379/8)",
    )
    parser.add_argument("--port-base", type=int, default=0, help="A, B, nginx on N, N+1, N+2")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--keep-database",
        action="store_true",
        help="PostgreSQL: reuse the database of an earlier run (no drop; migrate and set up again)",
    )
    args = parser.parse_args()
    started = time.monotonic()
    checks = run(
        args.database_url, args.redis_url, args.port_base, args.workers, args.keep_database
    )
    for check in checks:
        print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}  [{check.detail}]")
    failed = sum(not check.ok for check in checks)
    seconds = time.monotonic() - started
    print(f"{len(checks) - failed} of {len(checks)} checks passed in {seconds:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
