"""Every measure of issue 16 in one table: render time and queries per page
type, requests per second under gunicorn and wrk, the cold ``make run``, and
the search figures.

    .venv/bin/python benchmarks/run_all.py                  # everything, search at 2,000 pages
    .venv/bin/python benchmarks/run_all.py --only render,wrk
    .venv/bin/python benchmarks/run_all.py --only search --large \\
        --search-database-url postgres://postgres@127.0.0.1:5432/cf_bench   # 100,000 pages
    make bench BENCH_ARGS="--only render --render-db postgres://..."

Each part runs the benchmark that owns it, as a subprocess with ``--json``
(each needs its own database and settings):

- render: ``page_types_bench.py --production`` (production settings, DEBUG
  off, no page cache). Its own SQLite site with 30 items per page, or
  ``--render-db`` (the demo, loaded with ``load_demo``; nothing is written to
  it but search statistics).
- wrk: ``page_cache_bench.py``: gunicorn, 2 workers, production settings, a
  bare view, a page from the page cache (Redis at ``--redis-url``, which is
  flushed) and the same page rendered each time; wrk on loopback, bounded by
  ``--wrk-seconds``.
- first-run: ``first_run_bench.py --json`` (a fresh clone's ``make run``), if
  that script exists; otherwise "not measured".
- search: ``search_bench.py``: 2,000 pages (``--search-n``), or 100,000 with
  ``--large``; on SQLite in a temporary folder unless
  ``--search-database-url`` names a PostgreSQL database, which is DROPPED and
  rebuilt. The goals are for PostgreSQL at 100,000 pages.

Timings depend on the machine: run it on a quiet one and read the ratios.
The goals are issue 16's; the bakerydemo figures are the issue's (bakerydemo
is not part of this project and is not run here).
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PARTS = ("render", "wrk", "first-run", "search")
QUERY_GOAL = 15
# Issue 16, measured on bakerydemo with production settings on PostgreSQL.
BAKERYDEMO_BLOG_POST_MS = 20.5
DETAIL_RATIO_GOAL = 0.7
DETAIL_TYPES = ("PolicyPaperPage", "GuidelinePage", "CaseStoryPage", "NewsPage", "EventPage")


def bench(script: str, *args: str, timeout: float, env: dict | None = None) -> dict:
    """Run ``benchmarks/<script> --json ...`` and read its last output line."""
    command = [sys.executable, str(HERE / script), "--json", *args]
    print(f"$ {' '.join(command[1:])}", file=sys.stderr, flush=True)
    result = subprocess.run(  # noqa: S603 - our interpreter, our scripts
        command, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    if result.returncode:
        raise RuntimeError(f"{script} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "**no**")


def render_rows(args) -> list[tuple]:
    extra = ["--db", args.render_db] if args.render_db else []
    data = bench(
        "page_types_bench.py", "--production", "--repeat", str(args.repeat), *extra,
        timeout=3600,
    )  # fmt: skip
    where = f"{data['database']}, {data['site']}, {data['settings']} settings"
    rows = []
    for row in data["rows"]:
        result = f"{row['median_ms']:.1f} ms, {row['queries']:.0f} queries (max {row['max_queries']}, cold {row['cold_queries']}, after a publish {row['publish_queries']})"  # noqa: E501
        rows.append(
            (
                f"render {row['type']}, {row.get('language', 'en')} ({where})",
                result,
                f"≤{QUERY_GOAL} queries",
                verdict(row["max_queries"] <= QUERY_GOAL),
            )
        )
    details = [row for row in data["rows"] if row["type"] in DETAIL_TYPES]
    if details:
        paper = next((row for row in details if row["type"] == "PolicyPaperPage"), None)
        slowest = max(details, key=lambda row: row["median_ms"])
        for label, row in (("policy paper", paper), ("slowest detail page", slowest)):
            if row is None:
                continue
            ratio = row["median_ms"] / BAKERYDEMO_BLOG_POST_MS
            rows.append(
                (
                    f"{label} ({row['type']}) vs bakerydemo blog post "
                    f"({BAKERYDEMO_BLOG_POST_MS} ms, issue 16's figure)",
                    f"{row['median_ms']:.1f} ms: {ratio:.2f}×",
                    f"≤{DETAIL_RATIO_GOAL}×",
                    verdict(ratio <= DETAIL_RATIO_GOAL),
                )
            )
    return rows


def wrk_rows(args) -> list[tuple]:
    data = bench(
        "page_cache_bench.py", "--redis-url", args.redis_url, "--seconds", str(args.wrk_seconds),
        "--connections", str(args.connections), timeout=args.wrk_seconds * 3 + 900,
    )  # fmt: skip
    how = f"gunicorn {data['workers']} workers, wrk -c{data['connections']} -d{data['seconds']}s"
    bare = data["bare"]
    share = data["cached"] / bare if bare else 0
    return [
        (f"bare view, req/s ({how})", f"{bare:,.0f}", "", ""),
        (
            f"policy paper from the page cache, req/s (X-Page-Cache {data['cached_header']})",
            f"{data['cached']:,.0f} ({share:.0%} of bare)",
            "≥70% of bare",
            verdict(share >= 0.7),
        ),
        (
            f"policy paper rendered each time, req/s (PAGE_CACHE=off, {data['database']})",
            f"{data['uncached']:,.0f} ({data['uncached'] / bare:.1%} of bare)" if bare else "",
            "",
            "",
        ),
    ]


def first_run_rows(args) -> list[tuple]:
    if not (HERE / "first_run_bench.py").exists():
        return [
            ("cold `make run` until the home page answers", "not measured", "≤180 s", ""),
            ("`load_demo` within it", "not measured", "≤90 s", ""),
        ]
    data = bench("first_run_bench.py", timeout=3600)
    make_run, load_demo = data.get("make_run_seconds"), data.get("load_demo_seconds")
    return [
        (
            "cold `make run` until the home page answers",
            f"{make_run:.0f} s" if make_run is not None else "not measured",
            "≤180 s",
            verdict(make_run <= 180) if make_run is not None else "",
        ),
        (
            "`load_demo` within it",
            f"{load_demo:.0f} s" if load_demo is not None else "not measured",
            "≤90 s",
            verdict(load_demo <= 90) if load_demo is not None else "",
        ),
    ]


def search_rows(args) -> list[tuple]:
    extra = ["--large"] if args.large else ["--n", str(args.search_n)]
    # search_bench.py rebuilds DATABASE_URL's database, or SQLite without it.
    url = args.search_database_url or ""
    data = bench("search_bench.py", *extra, timeout=4 * 3600, env={"DATABASE_URL": url})
    where = f"{data['database']}, {data['pages']:,} pages"
    goals = data["pages"] >= 90_000 and data["database"] == "postgresql"
    rows = [
        (
            f"search: full reindex ({where})",
            f"{data['index_s']:.0f} s" if data["index_s"] is not None else "(reused)",
            "≤180 s",
            verdict(data["index_s"] <= 180) if goals and data["index_s"] is not None else "",
        ),
        (
            f"search: plain p50 / p95 ({where})",
            f"{data['plain_p50']:.1f} / {data['plain_p95']:.1f} ms",
            "p95 ≤30 ms",
            verdict(data["plain_p95"] <= 30) if goals else "",
        ),
        (
            f"search: faceted p50 / p95 ({where})",
            f"{data['faceted_p50']:.1f} / {data['faceted_p95']:.1f} ms",
            "p95 ≤60 ms",
            verdict(data["faceted_p95"] <= 60) if goals else "",
        ),
        (f"search: publish to searchable ({where})", f"{data['publish_ms']:.0f} ms", "", ""),
    ]
    return rows


RUNNERS = {
    "render": render_rows,
    "wrk": wrk_rows,
    "first-run": first_run_rows,
    "search": search_rows,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(PARTS), help=f"some of {','.join(PARTS)}")
    parser.add_argument("--render-db", help="render: an existing site (SQLite path or URL)")
    parser.add_argument("--repeat", type=int, default=5, help="render: renders per page")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5", help="wrk: flushed")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--large", action="store_true", help="search: 100,000 pages (long)")
    parser.add_argument("--search-n", type=int, default=2000, help="search: pages without --large")
    parser.add_argument("--search-database-url", help="search: PostgreSQL database to REBUILD")
    args = parser.parse_args()
    parts = [part.strip() for part in args.only.split(",") if part.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average at the start: {load}", file=sys.stderr)
    rows, failed = [], []
    for part in PARTS:
        if part not in parts:
            continue
        started = time.monotonic()
        try:
            rows += RUNNERS[part](args)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
            failed.append(part)
            rows.append((f"{part}: failed", str(error).splitlines()[0][:120], "", ""))
            print(error, file=sys.stderr)
        print(f"{part}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{os.cpu_count()} cores; load average at the end {load} (1, 5, 15 min)")
    print("\n| measure | result | goal | met |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
