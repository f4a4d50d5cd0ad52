"""The site the WordPress exports are imported into, and a helper to run
the command."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from core.demo_tools import ensure_page
from knowledgebase.models import (
    CaseStoryIndexPage,
    GuidelineIndexPage,
    NewsIndexPage,
    PolicyPaperIndexPage,
)

FIXTURES = Path(__file__).parent / "fixtures"
UPLOADS = FIXTURES / "uploads"


@pytest.fixture
def indexes(home):
    return {
        "news": ensure_page(home, NewsIndexPage, "news", title="News"),
        "policy_paper": ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Papers"),
        "case_story": ensure_page(home, CaseStoryIndexPage, "case-stories", title="Stories"),
        "guideline": ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines"),
    }


@pytest.fixture
def translated_news(home, indexes):
    """French and German versions of the home page and the news index."""
    for code in ("fr", "de"):
        locale = Locale.objects.get(language_code=code)
        for page in (home, indexes["news"]):
            page.copy_for_translation(locale).save_revision().publish()
    return indexes


def run_import(*args, **options) -> str:
    out = io.StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, **options)
    return out.getvalue()


def counts(output: str, kind: str) -> list[int]:
    """created, updated, unchanged, skipped of one row of the report."""
    for line in output.splitlines():
        if line.strip().startswith(kind + " "):
            return [int(n) for n in line.split()[-4:]]
    raise AssertionError(f"no {kind} row in:\n{output}")
