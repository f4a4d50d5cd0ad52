"""OAI-PMH harvest benchmark: a full harvest of N records over HTTP.

Builds a throw-away database (SQLite in a temporary directory unless
DATABASE_URL is set) with N records, policy papers and guidelines half each,
with authors, themes, a partner and a PDF, and 2% of them deleted. Serves
the site on a loopback port and harvests everything with sickle, following
the resumption tokens, as an aggregator would. Prints the time of each full
harvest (ListRecords and ListIdentifiers), the requests it took, and the
SQL queries of one page of records.

    .venv/bin/python benchmarks/oai_harvest_bench.py --records 1000 --repeat 3

With DATABASE_URL=postgres://... the named database is used as is (it must be
empty or a scratch database: the benchmark adds pages to it).
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def setup(database_url: str | None, page_size: int):
    workdir = Path(tempfile.mkdtemp(prefix="oai-bench-"))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.OAI_PAGE_SIZE = page_size
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(records: int) -> None:
    from django.core.files.base import ContentFile
    from wagtail.models import Page

    from core.demo_tools import ensure_page
    from core.models import SiteDocument, Theme
    from home.demo import ensure_home
    from knowledgebase import models as kb
    from knowledgebase.pdf import make_pdf
    from partners.models import HubPage, PartnerIndexPage

    home = ensure_home()
    papers = ensure_page(home, kb.PolicyPaperIndexPage, "policy-papers", title="Policy papers")
    guidelines = ensure_page(home, kb.GuidelineIndexPage, "guidelines", title="Guidelines")
    directory = ensure_page(home, PartnerIndexPage, "partners", title="Partners")
    hub = ensure_page(directory, HubPage, "bench-hub", title="Bench hub", country="IT")
    themes = list(Theme.objects.filter(locale__language_code="en"))
    document = SiteDocument(
        title="Bench report",
        file=ContentFile(make_pdf("Bench", [["Page text about hubs."]] * 3), name="bench.pdf"),
    )
    document._set_document_file_metadata()
    document.save()
    # Pages are made live directly (publishing each would dominate the run);
    # their datestamps are set after.
    for n in range(records):
        if n % 2:
            page = kb.GuidelinePage(
                title=f"Guideline {n}", slug=f"guideline-{n}", summary="How to.", document=document
            )
            parent = guidelines
        else:
            page = kb.PolicyPaperPage(
                title=f"Paper {n}",
                slug=f"paper-{n}",
                summary="A summary.",
                abstract="<p>An abstract of a few words.</p>",
                doi=f"10.5555/bench.{n}",
                publisher="Bench press",
                document=document,
            )
            page.authors = [
                kb.PolicyPaperAuthor(name=f"Author {a}", affiliation="Hub", sort_order=a)
                for a in range(3)
            ]
            parent = papers
        page.themes = themes[: 1 + n % 3]
        page.partners = [hub]
        parent.add_child(instance=page)
    harvested = Page.objects.type(kb.PolicyPaperPage, kb.GuidelinePage)
    harvested.update(last_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    # Deleting through Wagtail leaves tombstones, as an editor's deletion does.
    for page in harvested.order_by("-pk")[: max(1, records // 50)]:
        page.specific.delete()


def serve() -> str:
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/oai/"


def harvest(url: str, verb: str) -> tuple[float, int, int]:
    """(seconds, requests, records) of one full harvest with sickle."""
    from sickle import Sickle
    from sickle.iterator import OAIResponseIterator

    started = time.perf_counter()
    requests = records = 0
    for response in getattr(Sickle(url, iterator=OAIResponseIterator), verb)(
        metadataPrefix="oai_dc"
    ):
        requests += 1
        records += len(response.xml.findall(f".//{OAI}header"))
    return time.perf_counter() - started, requests, records


def queries_per_page() -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    with CaptureQueriesContext(connection) as captured:
        client.get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    return len(captured.captured_queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000, help="records (default 1000)")
    parser.add_argument("--page-size", type=int, default=100, help="OAI_PAGE_SIZE (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="harvests per verb (default 3)")
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"), args.page_size)
    from django.db import connection

    started = time.perf_counter()
    build(args.records)
    print(
        f"{connection.vendor}: built {args.records} records "
        f"in {time.perf_counter() - started:.1f} s; page size {args.page_size}"
    )
    url = serve()
    for verb in ("ListRecords", "ListIdentifiers"):
        runs = [harvest(url, verb) for _ in range(args.repeat)]
        seconds = statistics.median(run[0] for run in runs)
        _seconds, requests, records = runs[0]
        print(
            f"{verb:16} {records:6} records in {requests:3} requests: "
            f"median {seconds:6.2f} s ({records / seconds:6.0f} records/s) "
            f"over {args.repeat} harvests"
        )
    print(f"SQL queries for one page of ListRecords: {queries_per_page()}")


if __name__ == "__main__":
    main()
