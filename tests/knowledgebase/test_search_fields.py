"""Every text field, StreamField text and the PDF's text reach the search
index of the page (the configured backend: SQLite FTS5 or PostgreSQL)."""

import pytest
from wagtail.models import Locale, Page

from knowledgebase.models import GuidelinePage, PolicyPaperPage

from .conftest import make_document, make_guideline, make_paper, make_story

pytestmark = pytest.mark.django_db


def found(model, word):
    locale = Locale.objects.get(language_code="en")
    return list(model.objects.live().filter(locale=locale).search(word))


def test_policy_paper_is_found_by_pdf_text_abstract_body_and_author(indexes):
    document = make_document("Quarterly", pages=2)  # its text mentions "finance"
    paper = make_paper(
        indexes["papers"],
        "Plain title",
        authors=[("Zygmunt Wielopolski", "Forge")],
        document=document,
        publisher="Orchidpress",
        body=[("recommendation", {"title": "Pool the tools", "text": "<p>Share the kilns.</p>"})],
    )
    paper.abstract = "<p>Marmalade economics.</p>"
    paper.save_revision().publish()
    for word in ["Quarterly", "finance", "Marmalade", "kilns", "Wielopolski", "Orchidpress"]:
        assert [p.pk for p in found(PolicyPaperPage, word)] == [paper.pk], word


def test_guideline_steps_and_checklists_are_searchable(indexes):
    page = make_guideline(indexes["guidelines"])
    assert [p.pk for p in found(GuidelinePage, "contracts")] == [page.pk]  # a checklist item


def test_case_story_sections_are_searchable(indexes):
    page = make_story(indexes["stories"])
    for word in ["pooled", "worked", "learnt"]:
        assert [p.pk for p in Page.objects.live().specific().search(word)] == [page.pk], word
