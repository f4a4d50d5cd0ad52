"""Time and queries of the skills explorer's hierarchy pages on a full ESCO
import.

    DATABASE_URL=sqlite:////tmp/esco-full.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py import_esco ../shared/esco --all
    DATABASE_URL=... .venv/bin/python benchmarks/explorer_bench.py

For "think creatively" (no occupation names it; 13 narrower skills do), a
skill group high in the hierarchy and the transversal skills page: the median
of a few renders through Django's test client (no page cache), and the number
of queries of one render.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THINK = "c624c6a3-b0ba-4a31-a296-0d433fe47e41"
COMMUNICATION = "dc06de9f-dd3a-4f28-b58f-b01b5ae72ab8"  # S1, a broad skill group
RUNS = 5


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.dev")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    for name, path in [
        ("think creatively", f"/en/skills/skill/{THINK}/"),
        ("skill group S1", f"/en/skills/skill/{COMMUNICATION}/"),
        ("transversal skills", "/en/skills/transversal/"),
    ]:
        client.get(path)  # warm up
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(
            f"{name}: HTTP {response.status_code}, median {statistics.median(times) * 1000:.0f} ms "
            f"of {RUNS}, {len(queries)} queries"
        )


if __name__ == "__main__":
    main()
