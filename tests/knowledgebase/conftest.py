"""Fixtures and small factories for the knowledge-base tests."""

import datetime
import itertools

import pytest
from django.core.files.base import ContentFile

from core.demo_tools import ensure_page
from core.models import Audience, Sector, SiteDocument, Theme
from knowledgebase.models import (
    CaseStoryIndexPage,
    CaseStoryPage,
    EventPage,
    GuidelineIndexPage,
    GuidelinePage,
    NewsIndexPage,
    NewsPage,
    PolicyPaperAuthor,
    PolicyPaperIndexPage,
    PolicyPaperPage,
)
from knowledgebase.pdf import make_pdf

_counter = itertools.count(1)


@pytest.fixture
def indexes(home):
    """The four index pages under the English home page."""
    return make_indexes(home)


def make_indexes(home) -> dict:
    return {
        "papers": ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers"),
        "guidelines": ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines"),
        "stories": ensure_page(home, CaseStoryIndexPage, "case-stories", title="Case stories"),
        "news": ensure_page(home, NewsIndexPage, "news", title="News"),
    }


def term(model, slug, locale_code="en"):
    return model.objects.get(slug=slug, locale__language_code=locale_code)


def terms(model, slugs):
    return [term(model, slug) for slug in slugs]


def make_document(title="Report", pages=2, **kwargs) -> SiteDocument:
    data = make_pdf(
        title,
        [
            [f"Page {n} of the {title} about creative hubs and finance."]
            for n in range(1, pages + 1)
        ],
    )
    document = SiteDocument(
        title=title, file=ContentFile(data, name=f"{title.lower().replace(' ', '-')}.pdf")
    )
    document._set_document_file_metadata()
    document.save()
    return document


def make_paper(
    parent,
    title=None,
    *,
    authors=(("Ana Costa", "Fábrica Lisboa"),),
    themes=(),
    sectors=(),
    audiences=(),
    countries=(),
    date=datetime.date(2025, 3, 14),
    document=None,
    **fields,
):
    number = next(_counter)
    title = title or f"Paper {number}"
    return ensure_page(
        parent,
        PolicyPaperPage,
        f"paper-{number}",
        title=title,
        summary=f"Summary of {title}.",
        abstract=f"<p>Abstract of {title}.</p>",
        date=date,
        countries=list(countries),
        document=document,
        authors=[
            PolicyPaperAuthor(name=name, affiliation=aff, sort_order=i)
            for i, (name, aff) in enumerate(authors)
        ],
        themes=terms(Theme, themes),
        sectors=terms(Sector, sectors),
        audiences=terms(Audience, audiences),
        **fields,
    )


def make_guideline(parent, title=None, **fields):
    number = next(_counter)
    title = title or f"Guideline {number}"
    return ensure_page(
        parent,
        GuidelinePage,
        f"guideline-{number}",
        title=title,
        summary=f"How to {title}.",
        date=fields.pop("date", datetime.date(2025, 6, 1)),
        steps=[
            (
                "step",
                {
                    "title": "Map your assets",
                    "text": "<p>List what you own.</p>",
                    "checklist": ["List the works", "Find the contracts"],
                },
            ),
            ("step", {"title": "Talk to a lawyer", "text": "<p>Ask early.</p>", "checklist": []}),
        ],
        **fields,
    )


def make_story(parent, title=None, *, country="PT", sectors=(), themes=(), **fields):
    number = next(_counter)
    title = title or f"Story {number}"
    return ensure_page(
        parent,
        CaseStoryPage,
        f"story-{number}",
        title=title,
        summary=f"What happened in {title}.",
        country=country,
        city=fields.pop("city", "Lisbon"),
        date=fields.pop("date", datetime.date(2024, 9, 1)),
        challenge="<p>The challenge was money.</p>",
        approach="<p>They pooled resources.</p>",
        outcome="<p>It worked.</p>",
        quotes=[("quote", {"quote": "We learnt a lot.", "attribution": "Rui", "role": "Maker"})],
        sectors=terms(Sector, sectors),
        themes=terms(Theme, themes),
        **fields,
    )


def make_news(parent, title=None, *, date=datetime.date(2025, 1, 10), **fields):
    number = next(_counter)
    return ensure_page(
        parent,
        NewsPage,
        f"news-{number}",
        title=title or f"News {number}",
        date=date,
        summary="A short news item.",
        body="<p>Body text.</p>",
        **fields,
    )


def make_event(parent, title=None, *, date=datetime.date(2025, 5, 20), **fields):
    number = next(_counter)
    values = {
        "summary": "An event.",
        "venue": "Hall 2",
        "city": "Turin",
        "country": "IT",
        "body": "<p>Come along.</p>",
        **fields,
    }
    return ensure_page(
        parent, EventPage, f"event-{number}", title=title or f"Event {number}", date=date, **values
    )


@pytest.fixture
def partner(home):
    """A live creative hub (a partner section of the tree)."""
    from partners.models import HubPage, PartnerIndexPage

    directory = ensure_page(home, PartnerIndexPage, "partners", title="Partners")
    return ensure_page(
        directory, HubPage, "officina-torino", title="Officina Torino", country="IT", city="Turin"
    )


@pytest.fixture
def translate(home_all_locales, django_capture_on_commit_callbacks):
    """translate(page, code, {english: translation}) -> the live translation."""
    from core.translation import translate_object

    def run(instance, code, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            result = translate_object(instance, code, strings or {})
        return result.__class__.objects.get(pk=result.pk)

    return run
