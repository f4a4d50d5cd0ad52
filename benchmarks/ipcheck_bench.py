"""Benchmark of the IP self-check: the demo check (twelve questions, eight
steps, sixteen rules) answered from start to PDF with Django's test client.

Builds a throw-away database (SQLite in a temporary directory unless
DATABASE_URL is set) with the home pages and the demo check in seven
languages, then completes the check --runs times in English and in Greek,
each run in a fresh session. Prints the median time and the queries of each
request.

    .venv/bin/python benchmarks/ipcheck_bench.py --runs 10
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ANSWERS = [
    {"q-business": "design", "q-name": "name-only"},
    {"q-mark-registered": "unsure", "q-name-checked": "no"},
    {"q-originals": ["look", "technical"]},
    {"q-design-protection": "nothing", "q-invention": "secret"},
    {"q-team": ["freelancers"]},
    {"q-agreements": "some"},
    {"q-know-how": "open", "q-records": "never"},
    {"q-deals": ["commissions", "third-party"]},
]


def setup(database_url):
    workdir = Path(tempfile.mkdtemp(prefix="ipcheck-bench-"))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build():
    import io

    from django.core.management.base import OutputWrapper

    from core import demo as core_demo
    from core.demo_tools import DemoContext
    from home import demo as home_demo
    from ipcheck import demo as ipcheck_demo

    context = DemoContext(stdout=OutputWrapper(io.StringIO()), style=None, verbosity=0)
    core_demo.load(context)
    home_demo.load(context)
    return ipcheck_demo.load(context)


def run(url, timings, queries):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def timed(label, call, status):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = call()
            timings[label].append(time.perf_counter() - started)
        assert response.status_code == status, (label, response.status_code)
        queries[label].append(len(captured.captured_queries))

    timed("GET first step (new visitor)", lambda: client.get(url), 200)
    for number, data in enumerate(ANSWERS, start=1):
        last = number == len(ANSWERS)
        label = "POST last step (counts written)" if last else "POST a step"
        timed(label, lambda d=data, n=number: client.post(url, {"step": n, **d}), 303)
        if not last:
            timed("GET a step", lambda: client.get(url), 200)
    timed("GET result", lambda: client.get(url + "result/"), 200)
    timed("GET result PDF", lambda: client.get(url + "result/pdf/"), 200)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="completed checks per language")
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    from django.db import connection

    started = time.perf_counter()
    build()
    print(f"built the demo check in 7 languages in {time.perf_counter() - started:.1f} s")
    for language in ("en", "el"):
        timings, queries = defaultdict(list), defaultdict(list)
        url = f"/{language}/ip-check/"
        run(url, timings, queries)  # warm caches
        timings.clear()
        queries.clear()
        for _ in range(args.runs):
            run(url, timings, queries)
        print(f"\n{url} ({connection.vendor}, {args.runs} runs)")
        print(f"{'request':34} {'median ms':>10} {'queries':>8} {'max q':>6}")
        for label, values in timings.items():
            median = statistics.median(values) * 1000
            print(
                f"{label:34} {median:10.1f} {statistics.median(queries[label]):8.0f}"
                f" {max(queries[label]):6d}"
            )


if __name__ == "__main__":
    main()
