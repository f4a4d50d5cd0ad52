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
    return {
        "papers": ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers"),
        "guidelines": ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines"),
        "stories": ensure_page(home, CaseStoryIndexPage, "case-stories", title="Case stories"),
        "news": ensure_page(home, NewsIndexPage, "news", title="News"),
    }


def term(model, slug, locale_code="en"):
    return model.objects.get(slug=slug, locale__language_code=locale_code)


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


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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
    page = PolicyPaperPage(
        title=title,
        slug=f"paper-{number}",
        summary=f"Summary of {title}.",
        abstract=f"<p>Abstract of {title}.</p>",
        date=date,
        countries=list(countries),
        document=document,
        **fields,
    )
    page.authors = [
        PolicyPaperAuthor(name=name, affiliation=aff, sort_order=i)
        for i, (name, aff) in enumerate(authors)
    ]
    page.themes = [term(Theme, slug) for slug in themes]
    page.sectors = [term(Sector, slug) for slug in sectors]
    page.audiences = [term(Audience, slug) for slug in audiences]
    return add(parent, page)


def make_guideline(parent, title=None, **fields):
    number = next(_counter)
    title = title or f"Guideline {number}"
    page = GuidelinePage(
        title=title,
        slug=f"guideline-{number}",
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
    return add(parent, page)


def make_story(parent, title=None, *, country="PT", sectors=(), themes=(), **fields):
    number = next(_counter)
    title = title or f"Story {number}"
    page = CaseStoryPage(
        title=title,
        slug=f"story-{number}",
        summary=f"What happened in {title}.",
        country=country,
        city=fields.pop("city", "Lisbon"),
        date=fields.pop("date", datetime.date(2024, 9, 1)),
        challenge="<p>The challenge was money.</p>",
        approach="<p>They pooled resources.</p>",
        outcome="<p>It worked.</p>",
        quotes=[("quote", {"quote": "We learnt a lot.", "attribution": "Rui", "role": "Maker"})],
        **fields,
    )
    page.sectors = [term(Sector, slug) for slug in sectors]
    page.themes = [term(Theme, slug) for slug in themes]
    return add(parent, page)


def make_news(parent, title=None, *, date=datetime.date(2025, 1, 10), **fields):
    number = next(_counter)
    page = NewsPage(
        title=title or f"News {number}",
        slug=f"news-{number}",
        date=date,
        summary="A short news item.",
        body="<p>Body text.</p>",
        **fields,
    )
    return add(parent, page)


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
    page = EventPage(title=title or f"Event {number}", slug=f"event-{number}", date=date, **values)
    return add(parent, page)


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
