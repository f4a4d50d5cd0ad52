"""Fixtures for the search tests: the project's search backend, a small
corpus in English and German, and a guard that fails a test whose indexing
failed (Wagtail's task runner would only log it)."""

import datetime
import logging

import pytest
from django.db import connection
from django.test import override_settings
from wagtail.models import Page

from core.demo_tools import ensure_page
from home.models import HomePage
from knowledgebase.models import NewsIndexPage, NewsPage, PolicyPaperIndexPage, PolicyPaperPage
from partners.models import HubPage, PartnerIndexPage
from search import indexing
from tests.shared_data import fresh

BACKEND = {"default": {"BACKEND": "search.backends.database"}}


@pytest.fixture(autouse=True)
def search_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = BACKEND
    return BACKEND


@pytest.fixture(autouse=True)
def no_indexing_errors(caplog):
    indexing.FAILURES.clear()
    caplog.set_level(logging.ERROR)
    yield
    errors = [
        r
        for r in caplog.records
        if r.levelno >= logging.ERROR and r.name.startswith(("search", "modelsearch", "wagtail"))
    ]
    assert not indexing.FAILURES, f"indexing failed: {list(indexing.FAILURES)}"
    assert not errors, "errors logged: " + "; ".join(r.getMessage() for r in errors)


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


def required_defaults(model, fields) -> dict:
    """Values for required fields the test did not give, by field type."""
    from django.db import models as dj

    values = {}
    for field in model._meta.concrete_fields:
        if field.name in fields or field.blank or field.null:
            continue
        if field.has_default() and field.get_default() not in ("", None):
            continue
        if field.primary_key or field.is_relation or field.auto_created:
            continue
        if isinstance(field, dj.DateField):
            values[field.name] = datetime.date(2025, 1, 1)
        elif isinstance(field, (dj.CharField, dj.TextField)):
            values[field.name] = fields.get("summary") or fields["title"]
    return values


def add(parent, model, **fields):
    """A published page with its required fields filled in."""
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-")[:50])
    fields.update(required_defaults(model, fields))
    return ensure_page(parent, model, fields.pop("slug"), **fields)


@pytest.fixture
def corpus(home_all_locales):
    """English and German pages: two hubs (Germany, Greece), papers inside
    the hubs, news with dates."""
    return build_corpus(home_all_locales)


@pytest.fixture(scope="module")
def module_search_backend():
    """``search_backend`` for what a module-scoped fixture builds."""
    with override_settings(WAGTAILSEARCH_BACKENDS=BACKEND):
        yield BACKEND


@pytest.fixture(scope="module")
def module_corpus(module_search_backend, module_homes):
    return build_corpus(module_homes)


@pytest.fixture
def shared_corpus(module_corpus, db):
    """``corpus`` for a module whose tests only read it (or write in their
    own savepoint): built once for the module (tests/conftest.py, ``module_db``)."""
    return fresh(module_corpus)


def build_corpus(homes):
    pages = {}
    for code in ("en", "de"):
        home = homes[code]
        partners = add(home, PartnerIndexPage, title=f"Partners {code}", slug=f"partners-{code}")
        berlin = add(
            partners,
            HubPage,
            title="Kreativhaus Berlin" if code == "de" else "Creative House Berlin",
            summary="Ein Hub in Berlin" if code == "de" else "A hub in Berlin",
            country="DE",
        )
        athens = add(
            partners,
            HubPage,
            title="Athens Makers" if code == "en" else "Athener Macher",
            summary="A hub in Athens" if code == "en" else "Ein Hub in Athen",
            country="GR",
        )
        papers = add(home, PolicyPaperIndexPage, title=f"Papers {code}", slug=f"papers-{code}")
        news = add(home, NewsIndexPage, title=f"News {code}", slug=f"news-{code}")
        pages[code] = {"berlin": berlin, "athens": athens, "papers": papers, "news": news}
    en, de = pages["en"], pages["de"]
    en["funding"] = add(
        en["berlin"],
        PolicyPaperPage,
        title="Funding for creative hubs",
        summary="How public funding reaches small cultural organisations.",
    )
    en["athens_paper"] = add(
        en["athens"],
        PolicyPaperPage,
        title="Funding rules in Greece",
        summary="Funding and grants for makers in Athens.",
    )
    en["news_2024"] = add(
        en["news"],
        NewsPage,
        title="Funding call opens",
        summary="A new funding call for hubs.",
        date=datetime.date(2024, 3, 1),
    )
    en["news_2025"] = add(
        en["news"],
        NewsPage,
        title="Festival of makers",
        summary="Makers meet for a festival.",
        date=datetime.date(2025, 5, 2),
    )
    de["foerderung"] = add(
        de["berlin"],
        PolicyPaperPage,
        title="Förderung für Kreativ-Hubs",
        summary="Wie öffentliche Förderung kleine Kulturorganisationen erreicht.",
        slug="foerderung",
    )
    de["news"] = add(
        de["news"],
        NewsPage,
        title="Neuer Aufruf",
        summary="Ein neuer Aufruf für Hubs.",
        date=datetime.date(2025, 1, 10),
    )
    return pages


@pytest.fixture
def root_page(db):
    return Page.objects.get(depth=1)


__all__ = ["HomePage", "add", "on_postgres"]
