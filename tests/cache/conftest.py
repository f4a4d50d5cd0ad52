"""The page cache switched on, empty at the start and end of each test.

With REDIS_URL set, the "pages" cache is that Redis database: clearing it
flushes that database number only."""

import datetime

import pytest
from django.core.cache import caches

from core.demo_tools import ensure_page
from tests.i18n.conftest import SECTION_TEXT, fallback_templates, translate  # noqa: F401

PAGE_CACHE_HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a change as a request would: its on-commit work (the purge, a
    translation's publication) runs when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def papers(home, commit):
    """English home > policy papers > two papers, published."""
    from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage

    with commit():
        index = ensure_page(
            home, PolicyPaperIndexPage, "policy-papers", title="Policy papers", summary=""
        )
        first = ensure_page(
            index,
            PolicyPaperPage,
            "micro-grants",
            title="Micro-grants for hubs",
            summary="Small grants keep small hubs alive.",
            abstract="<p>Small grants keep small hubs alive.</p>",
            date=datetime.date(2025, 3, 5),
        )
        second = ensure_page(
            index,
            PolicyPaperPage,
            "shared-studios",
            title="Shared studios",
            summary="Studios shared by many makers.",
            abstract="<p>Studios shared by many makers.</p>",
            date=datetime.date(2025, 2, 1),
        )
    return {"home": home, "index": index, "first": first, "second": second}


def get(client, path, **extra):
    response = client.get(path, **extra)
    return response, response.get(PAGE_CACHE_HEADER)
