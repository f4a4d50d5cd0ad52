"""Sustained load on a production-like server: wrk against gunicorn.

Serves the site with gunicorn (production settings, DEBUG off) on 127.0.0.1
and runs wrk for ``--seconds`` at ``--connections`` on the home page, a
policy paper and a search, one after the other. Prints requests per second,
latency and the count of errors (non-2xx/3xx answers, socket errors) per URL,
and exits with status 1 when any request failed.

The database must already hold the demo (``load_demo``):

    createdb -h 127.0.0.1 -U postgres cf_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cf_load ... manage.py migrate
    ... manage.py load_demo
    .venv/bin/python benchmarks/load_bench.py \\
        --database-url postgres://postgres@127.0.0.1:5432/cf_load \\
        --redis-url redis://127.0.0.1:6379/1

Needs wrk (Debian's package). Loopback only; every wait is bounded.
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
FIND_PAPER = (
    "from knowledgebase.models import PolicyPaperPage; "
    "print(PolicyPaperPage.objects.live().public().filter(locale__language_code='en')"
    ".order_by('path').first().url)"
)


def environment(args, static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="creativeflip.settings.production",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        EMAIL_URL="console://",
        DEFAULT_FROM_EMAIL="bench@example.org",
        DATABASE_URL=args.database_url,
        STATIC_ROOT=static_root,
        LOG_LEVEL="ERROR",
    )
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


def manage(env: dict, *command: str) -> str:
    return subprocess.run(  # noqa: S603 - our interpreter, our manage.py
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
        capture_output=True,
        text=True,
    ).stdout


def wait_until_up(base: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/healthz/", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in time")


def wrk(url: str, seconds: int, connections: int, timeout: int) -> dict:
    out = subprocess.run(  # noqa: S603 - Debian's wrk, loopback URL
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            f"--timeout={timeout}s",
            "--latency",
            url,
        ],
        check=True,
        timeout=seconds + 60,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    p50 = re.search(r"50%\s+(\S+)", out).group(1)
    p99 = re.search(r"99%\s+(\S+)", out).group(1)
    return {
        "requests": total,
        "rate": rate,
        "errors": (int(bad.group(1)) if bad else 0)
        + (sum(int(n) for n in socket.groups()) if socket else 0),
        "p50": p50,
        "p99": p99,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--timeout", type=int, default=10, help="seconds before wrk counts a request as failed"
    )
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    base = f"http://{HOST}:{args.port}"
    with tempfile.TemporaryDirectory() as static_root:
        env = environment(args, static_root)
        manage(env, "collectstatic", "--noinput", "-v", "0")
        paper = manage(env, "shell", "-v", "0", "-c", FIND_PAPER).strip().splitlines()[-1]
        server = subprocess.Popen(  # noqa: S603 - our interpreter and gunicorn
            [sys.executable, "-m", "gunicorn", "creativeflip.wsgi", "-b", f"{HOST}:{args.port}",
             "-w", str(args.workers), "--access-logfile", "/dev/null"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            wait_until_up(base, 60)
            urls = {"home": "/en/", "paper": paper, "search": "/en/search/?q=finance"}
            for path in urls.values():
                requests.get(base + path, timeout=30).raise_for_status()  # warm, and 200
            results = {name: wrk(base + path, args.seconds, args.connections, args.timeout)
                       for name, path in urls.items()}  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"gunicorn {args.workers} workers, wrk {args.connections} connections, "
          f"{args.seconds} s per URL, Redis {'on' if args.redis_url else 'off'}")  # fmt: skip
    print(f"{'page':8} {'requests':>9} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7}")
    for name, r in results.items():
        print(f"{name:8} {r['requests']:>9} {r['rate']:>8.1f} {r['p50']:>9} {r['p99']:>9} "
              f"{r['errors']:>7}")  # fmt: skip
    return 1 if any(r["errors"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
