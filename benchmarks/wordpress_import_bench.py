"""Peak memory and time of ``import_wordpress`` on a generated export.

    .venv/bin/python benchmarks/wordpress_import_bench.py                  # 10 MB, 100 posts
    .venv/bin/python benchmarks/wordpress_import_bench.py --size-mb 50 --posts 2000
    .venv/bin/python benchmarks/wordpress_import_bench.py --postgres postgres://postgres@127.0.0.1:5432/cf_wordpress_bench

Migrates a fresh database (SQLite in a temporary folder, or the PostgreSQL
database given, which is recreated), writes an export of the requested size,
then imports it in this process: Python's peak allocation during the import
(tracemalloc) and the growth of the process's peak resident set size are
reported next to the file's size. tests/wpimport/test_memory.py runs
``generate`` and ``measure`` on the test database.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated</title>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example.org</wp:base_site_url>
<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>
<wp:category><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
"""
ITEM = """<item>
<title><![CDATA[Generated post {n}]]></title>
<link>https://bench.example.org/{date:%Y/%m/%d}/post-{n}/</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">https://bench.example.org/?p={n}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[Post number {n}.]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id>
<wp:post_date><![CDATA[{date:%Y-%m-%d} 10:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{date:%Y-%m-%d} 09:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[post-{n}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
</item>
"""
PARAGRAPH = (
    "Creative hubs share <strong>spaces</strong>, tools and knowledge; this one met "
    'its members <a href="https://example.org/">online</a> and in person.\n\n'
)
SECTION = "<h3>A section</h3>\n<ul>\n<li>One point</li>\n<li>Another point</li>\n</ul>\n\n"


def generate(path: Path, size_bytes: int, posts: int) -> int:
    """Write an export of about ``size_bytes`` with ``posts`` posts; returns
    its size."""
    import datetime

    per_post = max(size_bytes // posts - len(ITEM) - 200, 0)
    unit = PARAGRAPH * 4 + SECTION
    body = (unit * (per_post // len(unit) + 1))[:per_post]
    body = body[: body.rfind("\n\n") + 2] if "\n\n" in body else body
    start = datetime.date(2020, 1, 1)
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(1, posts + 1):
            date = start + datetime.timedelta(days=n % 1500)
            out.write(ITEM.format(n=n, body=body, date=date))
        out.write("</channel>\n</rss>\n")
    return path.stat().st_size


def peak_rss() -> int:
    """The process's peak resident set size in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure(path: Path, trace: bool = True) -> dict:
    """Import ``path`` into the configured database, measuring it. Tracing
    Python's allocations slows the import several times; without ``trace``
    only the resident set size is measured."""
    from django.core.management import call_command

    rss_before = peak_rss()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    call_command("import_wordpress", str(path), verbosity=0)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    tracemalloc.stop()
    return {
        "file_bytes": path.stat().st_size,
        "peak_traced_bytes": peak,
        "rss_growth_bytes": peak_rss() - rss_before,
        "seconds": seconds,
    }


def fresh_postgres(url: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--postgres", help="a PostgreSQL URL; the database is recreated")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if options.postgres:
            fresh_postgres(options.postgres)
            os.environ["DATABASE_URL"] = options.postgres
        else:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "creativeflip.settings.test"
        os.environ.setdefault("MEDIA_ROOT", str(Path(tmp) / "media"))
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        from core.demo_tools import ensure_page
        from home.demo import ensure_home
        from knowledgebase.models import NewsIndexPage

        call_command("migrate", verbosity=0)
        ensure_page(ensure_home(), NewsIndexPage, "news", title="News")
        export = Path(tmp) / "export.xml"
        size = generate(export, int(options.size_mb * 1024 * 1024), options.posts)
        backend = "PostgreSQL" if options.postgres else "SQLite"
        print(f"{backend}: {size / 2**20:.1f} MiB export, {options.posts} posts")
        for run in ("first import", "second import (unchanged)"):
            result = measure(export)
            print(
                f"  {run}: {result['seconds']:.1f} s, "
                f"peak Python allocation {result['peak_traced_bytes'] / 2**20:.1f} MiB, "
                f"peak RSS growth {result['rss_growth_bytes'] / 2**20:.1f} MiB"
            )


if __name__ == "__main__":
    main()
