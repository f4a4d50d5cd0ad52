"""Requests per second under gunicorn with production settings: a bare view,
a page served from the page cache, and the same page rendered every time.

    .venv/bin/python benchmarks/page_cache_bench.py [--redis-url redis://127.0.0.1:6379/5] [--json]

Builds a scratch SQLite database in a temporary folder (migrate, a home page,
a policy paper listing with --papers papers), runs ``collectstatic`` (hashed
names), then starts gunicorn twice on 127.0.0.1 (2 workers): once with the
page cache (Redis at --redis-url; that database is flushed) and once with
PAGE_CACHE=off. Each URL gets one ``wrk`` run of --seconds seconds with
--connections connections. Only loopback addresses are used, every wait is
bounded, and gunicorn is stopped at the end.
"""

import argparse
import json
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
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
SETUP = """
import datetime
from django.core.cache import caches
from core.demo_tools import ensure_page
from home.demo import ensure_home
from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage
home = ensure_home()
index = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers")
for n in range({papers}):
    ensure_page(
        index, PolicyPaperPage, f"paper-{{n}}", title=f"Paper {{n}} on funding creative hubs",
        summary="Small grants keep small hubs alive.",
        abstract="<p>" + "Creative hubs pool their resources and share studios. " * 40 + "</p>",
        date=datetime.date(2025, 1, 1 + n % 28),
    )
caches["pages"].clear()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run(args, env, timeout=900):
    subprocess.run(args, cwd=ROOT, env=env, check=True, timeout=timeout)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def wrk(url: str, seconds: int, connections: int) -> float:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{result.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))


def header(url: str, name: str) -> str | None:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        return response.headers.get(name)


def serve(env, page_cache: str, args) -> dict:
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "creativeflip.wsgi",
            "--workers",
            "2",
            "--bind",
            f"{HOST}:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, "PAGE_CACHE": page_cache},
        start_new_session=True,
    )
    try:
        wait_for(f"{base}/bare/")
        page = f"{base}/en/policy-papers/paper-1/"
        header(page, "X-Page-Cache")  # the first request fills the cache
        results = {"cache header": header(page, "X-Page-Cache") or "(none)"}
        if page_cache != "off":
            results["bare view"] = wrk(f"{base}/bare/", args.seconds, args.connections)
        results["page"] = wrk(page, args.seconds, args.connections)
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--papers", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed")
    workdir = Path(tempfile.mkdtemp(prefix="page_cache_bench_"))
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.cache_bench_settings",
        PYTHONPATH=str(ROOT),
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        REDIS_URL=args.redis_url,
        EMAIL_URL="console://",
        DEFAULT_FROM_EMAIL="bench@example.org",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
    )
    try:
        started = time.monotonic()
        manage = [sys.executable, "manage.py"]
        run([*manage, "migrate", "--noinput", "-v0"], env)
        run([*manage, "collectstatic", "--noinput", "-v0"], env)
        run([*manage, "shell", "-c", SETUP.format(papers=args.papers)], env)
        print(f"setup: {time.monotonic() - started:.0f} s", file=sys.stderr)
        cached = serve(env, "on", args)
        uncached = serve(env, "off", args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    bare = cached["bare view"]
    if args.json:
        print(json.dumps({
            "bare": bare, "cached": cached["page"], "uncached": uncached["page"],
            "cached_header": cached["cache header"], "uncached_header": uncached["cache header"],
            "workers": 2, "connections": args.connections, "seconds": args.seconds,
            "database": "sqlite", "papers": args.papers,
        }))  # fmt: skip
        return
    rows = [
        ("bare view (full middleware)", bare, ""),
        (f"policy paper, page cache ({cached['cache header']})", cached["page"], ""),
        (f"policy paper, no page cache ({uncached['cache header']})", uncached["page"], ""),
    ]
    print(f"\ngunicorn 2 workers, wrk -c{args.connections} -d{args.seconds}s, SQLite, Redis")
    print(f"{'URL':<48} {'req/s':>9} {'of bare':>8}")
    for name, rate, _ in rows:
        print(f"{name:<48} {rate:>9.0f} {rate / bare:>8.0%}")


if __name__ == "__main__":
    main()
