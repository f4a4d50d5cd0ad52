"""A small section of the site in English, German and French, built through
wagtail-localize the way editors and ``load_demo`` build it."""

import copy
import datetime
from pathlib import Path

import pytest
from django.test import TestCase

from core.demo_tools import ensure_page
from core.translation import strings_for, translate_object
from home.demo import ensure_home
from tests.home_text import home_text
from tests.shared_data import fresh

SECTION_TEXT = {
    "Policy papers": {"de": "Politikpapiere", "fr": "Notes d'orientation"},
    "Papers on funding the creative sector.": {
        "de": "Papiere zur Finanzierung der Kreativwirtschaft.",
        "fr": "Notes sur le financement du secteur créatif.",
    },
    "Micro-grants for hubs": {
        "de": "Kleinstförderung für Hubs",
        "fr": "Micro-subventions pour hubs",
    },
    "Small grants keep small hubs alive.": {
        "de": "Kleine Zuschüsse halten kleine Hubs am Leben.",
        "fr": "De petites aides font vivre les petits hubs.",
    },
}


FALLBACK_TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture(autouse=True)
def fallback_templates(settings):
    """Skeleton page types may have no template on this branch: add a plain
    one after the project's own (which win once they exist)."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], FALLBACK_TEMPLATES]
    settings.TEMPLATES = templates


@pytest.fixture
def translate(db):
    return translate_now


def translate_now(instance, code, table=SECTION_TEXT, publish=True):
    """Translate an object into a language, running the on-commit publish."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = translate_object(instance, code, strings_for(table, code), publish=publish)
    # Read back what the on-commit publish wrote.
    return type(result).objects.get(pk=result.pk)


@pytest.fixture
def admin_client(client, superuser, django_capture_on_commit_callbacks):
    """A logged-in admin whose requests run their on-commit work (publishing
    translations) as a real request's commit would."""
    client.force_login(superuser)
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


@pytest.fixture
def section(home):
    """English home > policy paper index > one paper, with German and French
    translations of all three, published. Returns ``{code: {role: page}}``."""
    return make_section(home)


@pytest.fixture(scope="module")
def module_section(module_db):
    """``section`` built once for a module (tests/conftest.py, ``module_db``)."""
    return make_section(ensure_home())


@pytest.fixture
def shared_section(module_section, db):
    return fresh(module_section)


def make_section(home, translate=translate_now) -> dict:
    from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage

    index = ensure_page(
        home,
        PolicyPaperIndexPage,
        "policy-papers",
        title="Policy papers",
        summary="Papers on funding the creative sector.",
    )
    paper = ensure_page(
        index,
        PolicyPaperPage,
        "micro-grants",
        title="Micro-grants for hubs",
        summary="Small grants keep small hubs alive.",
        abstract="<p>Small grants keep small hubs alive.</p>",
        date=datetime.date(2025, 3, 5),
    )
    pages = {"en": {"home": home, "index": index, "paper": paper}}
    for code in ("de", "fr"):
        pages[code] = {
            "home": translate(home, code, home_text()),
            "index": translate(index, code),
        }
    for code in ("de", "fr"):
        pages[code]["paper"] = translate(paper, code)
    return pages
