"""Render time and SQL queries of every page type, uncached, anonymous.

Two sources of pages:

- ``--db PATH_OR_URL``: a database that already has a site, such as the
  demo (``manage.py load_demo`` on SQLite). Nothing is written to it, except
  the search statistics that a search request records.
- otherwise a throw-away SQLite database in a temporary directory, filled by
  ``tests/performance/site.py`` with every page type and ``--items`` related
  items each (publications, authors, modules, exchanges...).

Each sampled page is requested through Django's test client with no user
signed in (DEBUG off): once to begin with, once after clearing Django's cache ("cold q": the
queries of a render with nothing cached), once after a publish elsewhere
("publish q": the chrome's generation moves on, as any publish moves it, while
Wagtail's own cache of site root paths stays), then ``--repeat`` times as a busy
site renders it, with the shared page chrome in the cache. The table gives,
per page type, the median render time and the median and largest number of
SQL queries of those renders, one row per page type and language (``--languages``,
English and German by default; the fixtures are translated into the others
with wagtail-localize). No page cache is involved: the pages are rendered
every time.

    .venv/bin/python benchmarks/page_types_bench.py                    # fixtures, 30 items
    .venv/bin/python benchmarks/page_types_bench.py --db /tmp/demo.sqlite3
    .venv/bin/python benchmarks/page_types_bench.py --db ... --show HubPage   # print the SQL
    .venv/bin/python benchmarks/page_types_bench.py --db postgres://... --production --json

``--production``: production settings (DEBUG off, hashed static files after a
``collectstatic`` into a temporary folder, the page cache off) instead of
the test settings. ``--json``: one JSON object on stdout, for
``benchmarks/run_all.py``.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Pages that are views rather than page models, with the query they run.
EXTRA_VIEWS = [
    ("search (results)", "/{lang}/search/?q=finance"),
    ("search (landing)", "/{lang}/search/"),
    ("skills explorer", "/{lang}/skills/"),
    ("partner directory ?country", "/{lang}/partners/?country=PT"),
    ("policy papers ?theme", "/{lang}/policy-papers/?theme=finance"),
]


def setup(db: str | None, production: bool = False) -> Path:
    workdir = Path(tempfile.mkdtemp(prefix="cf-pages-bench-"))
    if db is None:
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    elif "://" in db:
        url = db
    else:
        url = f"sqlite:///{Path(db).resolve()}"
    os.environ["DATABASE_URL"] = url
    if db is None:  # an existing site's pictures are where its settings put them
        os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "creativeflip.settings.test"
    if production:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="creativeflip.settings.production",
            ALLOWED_HOSTS="testserver",
            SECURE_SSL_REDIRECT="false",
            PAGE_CACHE="off",  # every page is rendered
            STATIC_ROOT=str(workdir / "static"),
        )
        os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
        os.environ.setdefault("EMAIL_URL", "console://")
        os.environ.setdefault("DEFAULT_FROM_EMAIL", "bench@example.org")
    import django

    django.setup()
    from django.core.management import call_command

    if db is None:
        call_command("migrate", verbosity=0)
    if production:  # hashed names: {% static %} reads the manifest
        call_command("collectstatic", interactive=False, verbosity=0)
    return workdir


def sample_pages(per_type: int, languages: list[str]) -> dict[tuple[str, str], list[str]]:
    """Up to ``per_type`` URLs of each live, public page type per language,
    by ``(type, language)``."""
    from wagtail.models import Page

    samples: dict[tuple[str, str], list[str]] = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, locale__language_code__in=languages)
        .select_related("content_type", "locale")
        .order_by("pk")
    )
    taken: Counter = Counter()
    for page in pages:
        name = page.content_type.model_class().__name__
        key = (name, page.locale.language_code)
        if taken[key] >= per_type:
            continue
        url = page.get_url()
        if url:
            taken[key] += 1
            samples.setdefault(key, []).append(url)
    for label, pattern in EXTRA_VIEWS:
        for lang in languages:
            samples[(label, lang)] = [pattern.format(lang=lang)]
    return dict(sorted(samples.items(), key=lambda item: (item[0][1] != "en", item[0][1])))


def show_queries(client, url):
    """Each query of one render: its SQL, shortened, and the project code
    that ran it (the innermost frames outside the virtual environment)."""
    import re
    import traceback

    from django.db import connection

    lines = []

    def trace(execute, sql, params, many, context):
        frames = [
            f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno} {frame.name}"
            for frame in traceback.extract_stack()
            if frame.filename.startswith(str(ROOT))
            and "/.venv/" not in frame.filename
            and "benchmarks/" not in frame.filename
        ]
        short = re.sub(r"SELECT .*? FROM", "SELECT … FROM", sql, count=1, flags=re.S)
        lines.append(f"{short[:300]}\n      <- {' < '.join(reversed(frames[-3:]))}")
        return execute(sql, params, many, context)

    if os.environ.get("SHOW_COLD") == "publish":  # as after a publish elsewhere
        from core.chrome import bump_generation

        bump_generation()
    elif os.environ.get("SHOW_COLD"):
        from django.core.cache import cache

        cache.clear()
    with connection.execute_wrapper(trace):
        client.get(url)
    print(f"--- {url}: {len(lines)} queries")
    for number, line in enumerate(lines, 1):
        print(f"{number:3d} {line}")


def measure(samples: dict[tuple[str, str], list[str]], repeat: int, show: str | None):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.chrome import bump_generation

    client = Client()
    rows = []
    for (label, language), urls in samples.items():
        times, queries, cold, published = [], [], [], []
        for url in urls:
            client.get(url)  # a first visit (a search's first hit of the day makes rows)
            cache.clear()  # cold: nothing cached, every render does all its work
            connection.queries_log.clear()  # it keeps 9,000 queries, then counts go wrong
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            cold.append(len(captured.captured_queries))
            bump_generation()  # what a publish of another page does to the chrome
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            published.append(len(captured.captured_queries))
            for _ in range(repeat):
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
                queries.append(len(captured.captured_queries))
            if show and show == label:
                show_queries(client, url)
        rows.append(
            (
                label,
                language,
                len(urls),
                statistics.median(times) * 1000,
                statistics.median(queries),
                max(queries),
                max(cold),
                max(published),
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an existing database (SQLite path or URL) to read pages from")
    parser.add_argument("--items", type=int, default=30, help="related items per page (fixtures)")
    parser.add_argument("--per-type", type=int, default=3, help="pages per type and language")
    parser.add_argument("--languages", default="en,de", help="locales to sample (default en,de)")
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (default 5)")
    parser.add_argument("--show", help="print the SQL of one page type (its last render)")
    parser.add_argument("--production", action="store_true", help="production settings")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    setup(args.db, args.production)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    from django.db import connection

    if args.db is None:
        from tests.performance.site import build_site

        started = time.perf_counter()
        build_site(args.items, languages=[code for code in languages if code != "en"])
        seconds = time.perf_counter() - started
        if not args.json:
            print(f"built the site with {args.items} items per page in {seconds:.1f} s")
    samples = sample_pages(args.per_type, languages)
    if args.json:
        rows = measure(samples, args.repeat, None)
        keys = (
            "type",
            "language",
            "pages",
            "median_ms",
            "queries",
            "max_queries",
            "cold_queries",
            "publish_queries",
        )
        settings = "production" if args.production else "test"
        source = "demo/existing" if args.db else f"fixtures, {args.items} items"
        result = {
            "database": connection.vendor,
            "settings": settings,
            "site": source,
            "languages": languages,
            "repeat": args.repeat,
            "rows": [dict(zip(keys, row, strict=True)) for row in rows],
        }
        print(json.dumps(result))
        return
    print(f"database: {connection.vendor}; languages: {', '.join(languages)}; repeat {args.repeat}")
    heading = ("page type", "lang", "pages", "median ms", "queries", "max q", "cold q", "publish q")
    print("{:30} {:4} {:>5} {:>10} {:>8} {:>6} {:>6} {:>9}".format(*heading))
    for label, lang, count, median_ms, median_q, max_q, cold_q, publish_q in measure(
        samples, args.repeat, args.show
    ):
        numbers = (
            f"{count:5d} {median_ms:10.1f} {median_q:8.0f} {max_q:6d} {cold_q:6d} {publish_q:9d}"
        )
        print(f"{label:30} {lang:4} {numbers}")


if __name__ == "__main__":
    main()
