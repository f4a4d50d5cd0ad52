"""Render benchmark of the funding finder.

Builds a throw-away database (as ``page_render_bench.py`` does), adds N
funding opportunities, then requests the finder (no answers, full answers,
a comparison of three), its CSV and iCalendar files and an opportunity
page several times. Prints the median time and the SQL queries per request.

    .venv/bin/python benchmarks/funding_render_bench.py --opportunities 200 --repeat 5
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_render_bench import setup  # noqa: E402

INSTRUMENTS = ["grant", "loan", "guarantee", "equity", "crowdfunding", "prize", "voucher", "tax"]
WHO = ["freelancer", "micro", "sme", "nonprofit", "public", "hub", "education", "consortium"]
PURPOSES = ["project", "working-capital", "investment", "internationalisation", "training"]


def build(count: int):
    from django.utils import timezone

    from core.demo_tools import ensure_page
    from core.models import Sector
    from funding.models import FundingIndexPage, FundingOpportunityPage
    from home.demo import ensure_home

    home = ensure_home()
    finder = ensure_page(home, FundingIndexPage, "funding", title="Funding")
    sectors = list(Sector.objects.filter(locale__language_code="en"))
    today = timezone.localdate()
    pages = []
    for n in range(count):
        page = FundingOpportunityPage(
            title=f"Opportunity {n}",
            slug=f"opportunity-{n}",
            funder="Funder",
            instrument=INSTRUMENTS[n % len(INSTRUMENTS)],
            applicant_types=[WHO[n % len(WHO)], WHO[(n + 3) % len(WHO)]],
            purposes=[PURPOSES[n % len(PURPOSES)]],
            amount_min=1000 * (n % 10),
            amount_max=50_000 + 10_000 * (n % 30),
            eu_wide=n % 3 == 0,
            countries=[] if n % 3 == 0 else ["PT", "DE"],
            deadlines=[("deadline", {"date": today + datetime.timedelta(days=n % 90 - 10)})],
            rolling=n % 7 == 0,
            official_url=f"https://example.org/{n}",
        )
        page.sectors = sectors[n % len(sectors) : n % len(sectors) + 2]
        finder.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return finder, pages


def measure(finder, pages, repeat: int):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    answers = "who=sme&sector=design&purpose=internationalisation&amount=150000&country=PT"
    compare = "&".join(f"compare={p.pk}" for p in pages[:3])
    urls = {
        "finder, no answers": finder.url,
        "finder, five answers": f"{finder.url}?{answers}",
        "finder, compare three": f"{finder.url}?{answers}&{compare}",
        "shortlist.csv": f"{finder.url}shortlist.csv?{answers}",
        "deadlines.ics (all open)": f"{finder.url}deadlines.ics",
        "opportunity page": pages[0].url,
        "opportunity deadlines.ics": f"{pages[0].url}deadlines.ics",
    }
    client = Client()
    rows = []
    for label, url in urls.items():
        assert client.get(url).status_code == 200, url
        times, queries = [], []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200
            queries.append(len(captured.captured_queries))
        rows.append((label, statistics.median(times) * 1000, statistics.median(queries)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opportunities", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    from django.db import connection

    started = time.perf_counter()
    finder, pages = build(args.opportunities)
    print(
        f"built {args.opportunities} opportunities in {time.perf_counter() - started:.1f} s "
        f"({connection.vendor})"
    )
    print(f"{'request':30} {'median ms':>10} {'queries':>8}")
    for label, median_ms, median_q in measure(finder, pages, args.repeat):
        print(f"{label:30} {median_ms:10.1f} {median_q:8.0f}")


if __name__ == "__main__":
    main()
