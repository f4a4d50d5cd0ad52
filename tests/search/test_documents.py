"""Text inside attached PDFs: found, highlighted with its page number, and
reindexed when the document changes. Runs with any page type that has a
``document`` foreign key (the knowledge base's papers); skipped while none
exists on this branch."""

import datetime

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from wagtail.models import Page

from core.models import SiteDocument
from search import indexing
from search.highlight import build_snippet

pytestmark = pytest.mark.django_db


def document_page_model():
    for model in apps.get_models():
        if issubclass(model, Page) and indexing.has_document(model) and model.is_creatable:
            return model
    return None


def make_document(text_pages, document=None, name="study.pdf"):
    """A real PDF (the knowledge base's generator), text extracted on save."""
    from knowledgebase.pdf import make_pdf

    document = document or SiteDocument(title="Annual study")
    data = make_pdf("Annual study", [[text] for text in text_pages])
    document.file = ContentFile(data, name=name)
    document._set_document_file_metadata()
    document.save()
    return document


def make_page(parent, model, document, **fields):
    values = {"title": "Mapping study", "slug": "mapping-study", "document": document}
    for field in model._meta.concrete_fields:
        if field.name in values or field.blank or field.null or field.has_default():
            continue
        if isinstance(field, models.DateField):
            values[field.name] = datetime.date(2025, 6, 1)
    values.update(fields)
    page = model(**values)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_snippet_from_pdf_page_is_marked_and_numbered():
    class Doc:
        page_texts = ["Introduction.", "The <b>cooperative</b> model of shared studios."]
        text = " ".join(page_texts)

    snippet = build_snippet(["cooperatives"], "A page about hubs.", Doc())
    assert snippet.source == "document"
    assert snippet.document_page == 2
    assert "<mark>cooperative</mark>" in snippet.html
    assert "&lt;b&gt;" not in snippet.html  # tags stripped, nothing unescaped
    assert "<b>" not in snippet.html


def test_pdf_only_phrase_finds_its_page(client, home):
    model = document_page_model()
    if model is None:
        pytest.skip("no page type with a document field on this branch yet")
    document = make_document(["Contents", "Shared studios lower rents for makers."])
    make_page(home, model, document)
    number = next(i for i, t in enumerate(document.page_texts, 1) if "studios" in t)
    assert number > 1
    data = client.get("/api/v2/search/", {"q": "studios rents", "locale": "en"}).json()
    assert [r["title"] for r in data["results"]] == ["Mapping study"]
    result = data["results"][0]
    assert result["in_document"] is True
    assert result["document_page"] == number
    assert "<mark>studios</mark>" in result["snippet_html"]
    assert data["facets"]["document"][0]["value"] == "yes"
    html = client.get("/en/search/", {"q": "studios rents"}).content.decode()
    assert f"In the PDF, page {number}" in html


def test_editing_a_document_reindexes_its_pages(client, home):
    model = document_page_model()
    if model is None:
        pytest.skip("no page type with a document field on this branch yet")
    document = make_document(["Nothing special here."])
    make_page(home, model, document)
    assert client.get("/api/v2/search/", {"q": "lighthouse"}).json()["total"] == 0
    make_document(["A lighthouse for creative hubs."], document=document, name="v2.pdf")
    data = client.get("/api/v2/search/", {"q": "lighthouse"}).json()
    assert [r["title"] for r in data["results"]] == ["Mapping study"]


def test_failed_indexing_is_logged_at_error(caplog):
    from wagtail.search.tasks import insert_or_update_object_task

    # The real index task, for a page that does not exist: the task fails.
    insert_or_update_object_task.enqueue("home", "homepage", 987654321)
    assert indexing.FAILURES and "DoesNotExist" in indexing.FAILURES[-1][2]
    assert any(r.levelname == "ERROR" and r.name == "search.indexing" for r in caplog.records)
    indexing.FAILURES.clear()
    caplog.clear()
