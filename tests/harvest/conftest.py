"""Harvesting fixtures: a small library (a policy paper, a guideline, and a
German translation of the paper on request) and ``oai``, which asks the
endpoint and checks the answer against the protocol's rules."""

import datetime

import pytest
from wagtail.models import Site

# The knowledge-base fixtures (the index pages, a partner hub, translation).
from core.demo_tools import ensure_page
from core.models import Theme
from knowledgebase.models import GuidelinePage, PolicyPaperAuthor, PolicyPaperPage
from tests.knowledgebase.conftest import indexes, partner, term, translate

from .oai_rules import NS, parse

__all__ = ["indexes", "partner", "translate"]


@pytest.fixture
def oai(client):
    """oai({"verb": ..., ...}) -> the parsed, checked response."""

    def ask(params, method="get"):
        response = getattr(client, method)("/oai/", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        return parse(response.content)

    return ask


def identifier(page) -> str:
    host = Site.objects.get(is_default_site=True).hostname
    return f"oai:{host}:{page.translation_key}/{page.locale.language_code}"


def error_code(root) -> str | None:
    error = root.find("o:error", NS)
    return None if error is None else error.get("code")


def identifiers(root) -> list[str]:
    return [e.text for e in root.iterfind(".//o:header/o:identifier", NS)]


def dublin_core(record) -> dict[str, list[str]]:
    values = {}
    for element in record.find("o:metadata/oai_dc:dc", NS):
        values.setdefault(element.tag.rpartition("}")[2], []).append(element.text)
    return values


def make_paper(parent, title, **fields):
    return ensure_page(
        parent,
        PolicyPaperPage,
        fields.pop("slug", title.lower().replace(" ", "-")),
        title=title,
        summary=f"Summary of {title}.",
        abstract=fields.pop("abstract", f"<p>Abstract of {title}.</p>"),
        date=fields.pop("date", datetime.date(2025, 3, 5)),
        authors=[PolicyPaperAuthor(name="Ana Costa", sort_order=0)],
        **fields,
    )


@pytest.fixture
def library(indexes, partner):
    paper = ensure_page(
        indexes["papers"],
        PolicyPaperPage,
        "micro-grants",
        title="Micro-grants for hubs",
        summary="Small grants keep hubs alive.",
        abstract="<p>Small grants <b>keep</b> small hubs alive &amp; well.</p>",
        date=datetime.date(2025, 3, 5),
        publisher="Creative FLIP Network",
        doi="10.1234/cf.2025.1",
        isbn="978-3-16-148410-0",
        authors=[
            PolicyPaperAuthor(name="Ana Costa", affiliation="Fábrica Lisboa", sort_order=0),
            PolicyPaperAuthor(name="Jan Nowak", sort_order=1),
        ],
        themes=[term(Theme, "finance"), term(Theme, "intellectual-property")],
        partners=[partner],
    )
    guideline = ensure_page(
        indexes["guidelines"],
        GuidelinePage,
        "protect-designs",
        title="Protect your designs",
        summary="How to register a design.",
        date=datetime.date(2025, 6, 1),
        themes=[term(Theme, "intellectual-property")],
        partners=[partner],
    )
    return {"paper": paper, "guideline": guideline}


@pytest.fixture
def german(library, indexes, translate):
    """The paper's live German translation."""
    translate(indexes["papers"], "de")
    return translate(library["paper"], "de", {"Micro-grants for hubs": "Kleinstförderung"})
