"""Uploads through the real Wagtail admin views: text extraction, limits and
refusals (core.forms.DocumentForm, core.models.SiteDocument)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks.signals import task_enqueued

from core import extraction
from core.models import SiteDocument
from knowledgebase.pdf import make_pdf

pytestmark = pytest.mark.django_db

ENGLISH = [
    "The creative hubs of the network share what they learn about finance and skills.",
    "This is the second page of the report and it is about intellectual property.",
    "On the third page the report gives recommendations for the policy makers.",
]


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def upload(admin_client, name, data, title="A document"):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(name, data), "collection": 1},
    )


def form_errors(response):
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_pdf_upload_extracts_text_pages_and_language(admin_client):
    data = make_pdf("Hub report", [[line] * 3 for line in ENGLISH])
    response = upload(admin_client, "report.pdf", data)
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    assert document.page_count == 3
    assert len(document.page_texts) == 3
    assert "intellectual property" in document.page_texts[1]
    assert "recommendations" in document.get_page_text(3)
    assert "intellectual property" in document.text
    assert document.language == "en"
    assert document.extraction_warning == ""
    assert document.extraction_status == "done"


def test_text_is_searchable_through_the_document(admin_client):
    upload(admin_client, "report.pdf", make_pdf("Hub report", [ENGLISH]))
    assert SiteDocument.objects.search("recommendations").count() == 1


def test_encrypted_pdf_is_refused_with_a_clear_error(admin_client):
    data = make_pdf("Secret", [ENGLISH], password="hunter2")
    response = upload(admin_client, "secret.pdf", data)
    assert response.status_code == 200
    assert "password-protected" in form_errors(response)
    assert not SiteDocument.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF",
        b"%PDF-1.4\n" + bytes(range(256)) * 20,
        make_pdf("Cut", [ENGLISH])[:400],
    ],
    ids=["no-pages", "garbage", "truncated"],
)
def test_corrupt_pdf_is_refused(admin_client, data):
    response = upload(admin_client, "broken.pdf", data)
    assert response.status_code == 200
    assert "damaged" in form_errors(response)
    assert not SiteDocument.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "program"),
        ("report.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "web page"),
        ("report.pdf", b"Just some text, no PDF header at all.", "not a PDF"),
        ("notes.docx", b"plain text pretending to be Word", "not a valid .DOCX"),
        ("data.csv", b"a,b\x00\x00\x01", "not plain text"),
    ],
)
def test_wrong_content_is_refused(admin_client, name, data, message):
    response = upload(admin_client, name, data)
    assert response.status_code == 200
    assert message in form_errors(response)
    assert not SiteDocument.objects.exists()


def test_disallowed_extension_is_refused(admin_client):
    response = upload(admin_client, "tool.exe", b"MZ" + b"\x00" * 100)
    assert response.status_code == 200
    assert form_errors(response)
    assert not SiteDocument.objects.exists()


def test_oversized_upload_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2000
    data = make_pdf("Big", [ENGLISH * 20] * 3)
    assert len(data) > 2000
    response = upload(admin_client, "big.pdf", data)
    assert response.status_code == 200
    assert "too big" in form_errors(response)
    assert not SiteDocument.objects.exists()


def test_multiple_upload_view_refuses_an_encrypted_pdf(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("secret.pdf", make_pdf("S", [ENGLISH], password="x"))},
    )
    payload = json.loads(response.content)
    assert payload["success"] is False
    assert "password-protected" in payload["error_message"]
    assert not SiteDocument.objects.exists()


def test_multiple_upload_view_accepts_a_good_pdf(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("good.pdf", make_pdf("Good", [ENGLISH, ENGLISH]))},
    )
    assert json.loads(response.content)["success"] is True
    assert SiteDocument.objects.get().page_count == 2


def test_page_limit_keeps_the_first_pages_and_warns(admin_client, settings):
    settings.DOCUMENT_TEXT_MAX_PAGES = 2
    response = upload(admin_client, "long.pdf", make_pdf("Long", [[line] for line in ENGLISH]))
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    assert document.page_count == 3
    assert len(document.page_texts) == 2
    assert "first 2 of 3 pages" in document.extraction_warning


def test_character_limit(admin_client, settings):
    settings.DOCUMENT_TEXT_MAX_CHARS = 100
    upload(admin_client, "long.pdf", make_pdf("Long", [ENGLISH, ENGLISH]))
    document = SiteDocument.objects.get()
    assert len(document.text) <= 100
    assert "first 100 characters" in document.extraction_warning


def test_time_limit_stores_the_document_without_text_and_shows_the_warning(admin_client, settings):
    # A limit far below the child interpreter's start-up: the parent must
    # give up and kill it, and still store the upload, marked as failed.
    settings.DOCUMENT_TEXT_MAX_SECONDS = 0.001
    response = upload(admin_client, "slow.pdf", make_pdf("Slow", [ENGLISH]))
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    assert document.text == ""
    assert document.extraction_status == "failed"
    assert "stopped after" in document.extraction_warning
    edit = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert "Text extraction: Failed: Text extraction stopped after" in edit.content.decode()


def test_replacing_the_file_re_extracts(admin_client):
    upload(admin_client, "one.pdf", make_pdf("One", [["First version about music."] * 5]))
    document = SiteDocument.objects.get()
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Replaced",
            "collection": 1,
            "file": SimpleUploadedFile("two.pdf", make_pdf("Two", [ENGLISH, ENGLISH])),
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.page_count == 2
    assert "intellectual property" in document.text


def test_editing_the_title_does_not_re_extract(admin_client):
    upload(admin_client, "one.pdf", make_pdf("One", [ENGLISH]))
    document = SiteDocument.objects.get()
    queued = []

    def on_enqueued(sender, task_result, **kwargs):
        queued.append(task_result.task.name)

    task_enqueued.connect(on_enqueued)
    try:
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Renamed", "collection": 1}
        )
    finally:
        task_enqueued.disconnect(on_enqueued)
    assert response.status_code == 302
    assert "extract_document_text" not in queued
    document.refresh_from_db()
    assert document.title == "Renamed"
    assert "intellectual property" in document.text


def test_plain_text_upload_is_indexed(admin_client):
    upload(
        admin_client,
        "notes.txt",
        (
            "Η δημιουργική οικονομία και τα κέντρα της είναι για την πόλη και τους "
            "ανθρώπους της. Τα έργα της είναι και για τα παιδιά."
        ).encode(),
    )
    document = SiteDocument.objects.get()
    assert "δημιουργική" in document.text
    assert document.language == "el"


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (
            "de",
            (
                "Die Hubs arbeiten mit den Schulen und der Stadt zusammen, "
                "das ist nicht neu, aber es wird auch für die Region wichtig."
            ),
        ),
        (
            "fr",
            (
                "Les hubs créatifs travaillent avec les écoles et la ville "
                "pour que les jeunes sont dans une situation meilleure pour "
                "le travail."
            ),
        ),
        (
            "it",
            (
                "Il centro creativo della città lavora con le scuole per una "
                "formazione che non sia solo per gli studenti della regione e "
                "del paese."
            ),
        ),
        (
            "es",
            (
                "El centro creativo trabaja con las escuelas para que los "
                "jóvenes tengan más oportunidades, y también con la ciudad y "
                "sus empresas."
            ),
        ),
        (
            "pl",
            (
                "Huby kreatywne w Polsce to miejsca, w których ludzie uczą "
                "się i pracują, jest to także przestrzeń dla nowych pomysłów "
                "oraz dla firm."
            ),
        ),
        ("", "12 34 56"),
    ],
)
def test_language_detection(code, text):
    assert extraction.detect_language(text) == code
