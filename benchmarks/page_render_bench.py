"""Render benchmark of the knowledge-base page types.

Builds a throw-away database (SQLite in a temporary directory unless
DATABASE_URL is set), adds N pages of each type with authors, taxonomy and a
PDF, then renders every detail page and each index page several times with
Django's test client. Prints the median render time and the SQL query count
per page type.

    .venv/bin/python benchmarks/page_render_bench.py --pages 30 --repeat 5

With DATABASE_URL=postgres://... the named database is used as is (it must be
empty or a scratch database: the benchmark adds pages to it).
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup(database_url: str | None):
    workdir = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(pages: int):
    from django.core.files.base import ContentFile

    from core.demo_tools import ensure_page
    from core.models import Sector, SiteDocument, Theme
    from home.demo import ensure_home
    from knowledgebase import models as kb
    from knowledgebase.pdf import make_pdf

    home = ensure_home()
    index = {
        "papers": ensure_page(
            home, kb.PolicyPaperIndexPage, "policy-papers", title="Policy papers"
        ),
        "guidelines": ensure_page(home, kb.GuidelineIndexPage, "guidelines", title="Guidelines"),
        "stories": ensure_page(home, kb.CaseStoryIndexPage, "case-stories", title="Case stories"),
        "news": ensure_page(home, kb.NewsIndexPage, "news", title="News"),
    }
    themes = list(Theme.objects.filter(locale__language_code="en"))
    sectors = list(Sector.objects.filter(locale__language_code="en"))
    document = SiteDocument(
        title="Bench report",
        file=ContentFile(make_pdf("Bench", [["Page text about hubs."]] * 5), name="bench.pdf"),
    )
    document._set_document_file_metadata()
    document.save()

    def publish(parent, page):
        page.themes = themes[: 1 + len(parent.get_children()) % 3]
        page.sectors = sectors[:2]
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    built = {
        name: []
        for name in ("PolicyPaperPage", "GuidelinePage", "CaseStoryPage", "NewsPage", "EventPage")
    }
    for n in range(pages):
        day = datetime.date(2020 + n % 6, 1 + n % 12, 1 + n % 28)
        paper = kb.PolicyPaperPage(
            title=f"Paper {n}",
            slug=f"paper-{n}",
            summary="A summary.",
            abstract="<p>Abstract.</p>",
            date=day,
            document=document,
            countries=["PT", "DE"],
            body=[("finding", {"title": "Finding", "text": "<p>Text.</p>"})],
        )
        paper.authors = [
            kb.PolicyPaperAuthor(name=f"Author {a}", affiliation="Hub", sort_order=a)
            for a in range(4)
        ]
        built["PolicyPaperPage"].append(publish(index["papers"], paper))
        built["GuidelinePage"].append(
            publish(
                index["guidelines"],
                kb.GuidelinePage(
                    title=f"Guideline {n}",
                    slug=f"guideline-{n}",
                    date=day,
                    document=document,
                    steps=[
                        (
                            "step",
                            {
                                "title": f"Step {s}",
                                "text": "<p>Do it.</p>",
                                "checklist": ["a", "b"],
                            },
                        )
                        for s in range(4)
                    ],
                ),
            )
        )
        built["CaseStoryPage"].append(
            publish(
                index["stories"],
                kb.CaseStoryPage(
                    title=f"Story {n}",
                    slug=f"story-{n}",
                    date=day,
                    country="IT",
                    city="Turin",
                    challenge="<p>C.</p>",
                    approach="<p>A.</p>",
                    outcome="<p>O.</p>",
                ),
            )
        )
        built["NewsPage"].append(
            publish(
                index["news"],
                kb.NewsPage(title=f"News {n}", slug=f"news-{n}", date=day, body="<p>News.</p>"),
            )
        )
        built["EventPage"].append(
            publish(
                index["news"],
                kb.EventPage(
                    title=f"Event {n}",
                    slug=f"event-{n}",
                    date=day,
                    city="Lille",
                    country="FR",
                    body="<p>Event.</p>",
                ),
            )
        )
    for name, page in index.items():
        built[f"{type(page).__name__} ({name})"] = [page]
    built["PolicyPaperIndexPage ?theme&year"] = [index["papers"]]
    return built


def measure(built: dict, repeat: int):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    rows = []
    for label, pages in built.items():
        times, queries = [], []
        suffix = "?theme=finance&year=2024" if "?theme" in label else ""
        for page in pages:
            url = page.url + suffix
            assert client.get(url).status_code == 200, url  # warm caches
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                assert response.status_code == 200
                queries.append(len(captured.captured_queries))
        rows.append(
            (
                label,
                len(pages),
                statistics.median(times) * 1000,
                statistics.median(queries),
                max(queries),
            )
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20, help="pages per type (default 20)")
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (default 5)")
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    from django.db import connection

    started = time.perf_counter()
    built = build(args.pages)
    print(
        f"built {args.pages} pages per type in {time.perf_counter() - started:.1f} s "
        f"({connection.vendor})"
    )
    print(f"{'page type':38} {'pages':>5} {'median ms':>10} {'queries':>8} {'max q':>6}")
    for label, count, median_ms, median_q, max_q in measure(built, args.repeat):
        print(f"{label:38} {count:5d} {median_ms:10.1f} {median_q:8.0f} {max_q:6d}")


if __name__ == "__main__":
    main()
