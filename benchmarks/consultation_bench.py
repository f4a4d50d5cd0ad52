"""Render benchmark of guideline pages with and without a consultation.

Builds the corpus of page_render_bench.py (a throw-away SQLite database
unless DATABASE_URL is set), renders the guidelines, then opens a
consultation on each with --responses approved responses (mixed respondent
types and countries) and renders them again. Prints median render time and
queries per page for both, and for the respond and confirm requests.

    .venv/bin/python benchmarks/consultation_bench.py --pages 10 --responses 50
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.page_render_bench import build, measure, setup  # noqa: E402

TYPES = ["individual", "small-business", "hub", "education", "public"]
COUNTRIES = ["PT", "DE", "IT", "PL", "GR", "FR", "ES"]


def open_consultations(guidelines, responses: int):
    from django.utils import timezone

    from consultation.models import Consultation, ConsultationResponse

    today = timezone.localdate()
    for page in guidelines:
        consultation = Consultation.objects.create(
            page=page,
            locale=page.locale,
            title=f"Consultation on {page.title}",
            opens_on=today - datetime.timedelta(days=3),
            closes_on=today + datetime.timedelta(days=30),
            questions=[("question", "What is missing?"), ("question", "Is it clear?")],
        )
        ConsultationResponse.objects.bulk_create(
            ConsultationResponse(
                consultation=consultation,
                language="en",
                comment=f"Response {n} on {page.title}.",
                email=f"bench-{n}@example.org",
                organisation_type=TYPES[n % len(TYPES)],
                country=COUNTRIES[n % len(COUNTRIES)],
                consent="anonymous",
                status="approved",
            )
            for n in range(responses)
        )
    return Consultation.objects.filter(page__in=guidelines).order_by("pk")


def measure_submit(consultations, repeat: int):
    from django.core import mail
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    submit_times, submit_queries, confirm_times, confirm_queries = [], [], [], []
    with override_settings(
        CONSULTATION_RATE_LIMIT=10**6,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        mail.outbox = []
        for consultation in list(consultations)[:repeat]:
            data = {
                "response-comment": "A comment.",
                "response-email": "someone@example.org",
                "response-consent": "anonymous",
                "response-privacy": "on",
            }
            url = f"/en/consultations/{consultation.pk}/respond/"
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.post(url, data)
                submit_times.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            submit_queries.append(len(captured.captured_queries))
            link = mail.outbox[-1].body.split("testserver", 1)[1].split()[0]
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                assert client.get(link).status_code == 200
                confirm_times.append(time.perf_counter() - started)
            confirm_queries.append(len(captured.captured_queries))
    return [
        ("respond (POST)", submit_times, submit_queries),
        ("confirm (GET)", confirm_times, confirm_queries),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10, help="guidelines (default 10)")
    parser.add_argument("--responses", type=int, default=50, help="per consultation (50)")
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (default 5)")
    args = parser.parse_args()
    setup(os.environ.get("DATABASE_URL"))
    from django.db import connection

    guidelines = build(args.pages)["GuidelinePage"]
    print(f"{connection.vendor}, {args.pages} guidelines, {args.responses} responses each")
    print(f"{'request':38} {'median ms':>10} {'queries':>8} {'max q':>6}")
    for label, _count, median_ms, median_q, max_q in measure(
        {"guideline, no consultation": guidelines}, args.repeat
    ):
        print(f"{label:38} {median_ms:10.1f} {median_q:8.0f} {max_q:6d}")
    consultations = open_consultations(guidelines, args.responses)
    for label, _count, median_ms, median_q, max_q in measure(
        {"guideline, open consultation": guidelines}, args.repeat
    ):
        print(f"{label:38} {median_ms:10.1f} {median_q:8.0f} {max_q:6d}")
    for label, times, queries in measure_submit(consultations, args.repeat):
        median_ms = statistics.median(times) * 1000
        print(f"{label:38} {median_ms:10.1f} {statistics.median(queries):8.0f} {max(queries):6d}")


if __name__ == "__main__":
    main()
