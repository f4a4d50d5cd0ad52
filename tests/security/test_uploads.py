"""Uploads through the real admin views: text extraction leaves the request
for a background task, refused files are still refused (with one message),
PDFs that other readers open are accepted, and images above the pixel limit
are refused and never decoded."""

import io
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from PIL import Image as PILImage
from pypdf import PdfReader
from wagtail.images import get_image_model

from core.models import SiteDocument
from knowledgebase.pdf import make_pdf
from tests.core.test_documents import ENGLISH, form_errors, upload
from tests.core.test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

WORD = "recommendations"  # on the third page of ENGLISH only


@pytest.fixture
def database_tasks(settings):
    """Production's task backend: tasks wait in the database for a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `manage.py db_worker --batch` does with each waiting task, minus
    its loop (which closes database connections, and so the test's
    transaction)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    # Tasks queue more tasks (a document's save updates the search index).
    while task_result := DBTaskResult.objects.ready().first():
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)
    extractions = DBTaskResult.objects.filter(task_path="core.tasks.extract_document_text")
    return sorted(extractions.order_by().values_list("status", "return_value"))


def listing(client):
    return client.get(reverse("wagtaildocs:index")).content.decode()


def found(word):
    return [document.pk for document in SiteDocument.objects.search(word)]


# -- extraction in the background -------------------------------------------------


def test_upload_stores_the_file_and_leaves_the_text_to_the_worker(admin_client, database_tasks):
    response = upload(admin_client, "report.pdf", make_pdf("Hub report", [ENGLISH]))
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    assert document.extraction_status == "pending"
    assert document.text == ""
    assert document.file.name.endswith(".pdf")
    queued = DBTaskResult.objects.get(task_path="core.tasks.extract_document_text")
    assert queued.args_kwargs["args"] == [document.pk, document.file.name]

    # Until the worker has run, editors see it and search does not use it.
    assert "Extracting…" in listing(admin_client)
    edit = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert "Text extraction: Extracting…" in edit
    assert found(WORD) == []

    assert run_worker() == [("SUCCESSFUL", "done")]
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert WORD in document.text
    assert document.page_count == 1
    assert found(WORD) == [document.pk]
    assert "Extracting…" not in listing(admin_client)


def test_multiple_upload_queues_the_extraction_too(admin_client, database_tasks):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("good.pdf", make_pdf("Good", [ENGLISH, ENGLISH]))},
    )
    assert json.loads(response.content)["success"] is True
    assert SiteDocument.objects.get().extraction_status == "pending"
    run_worker()
    document = SiteDocument.objects.get()
    assert (document.extraction_status, document.page_count) == ("done", 2)


def test_a_failure_in_the_worker_is_shown_with_its_reason(admin_client, database_tasks, settings):
    upload(admin_client, "slow.pdf", make_pdf("Slow", [ENGLISH]))
    settings.DOCUMENT_TEXT_MAX_SECONDS = 0.001  # the upload's check had its own limit
    run_worker()
    document = SiteDocument.objects.get()
    assert document.extraction_status == "failed"
    assert "Failed: Text extraction stopped after" in listing(admin_client)


def test_damage_found_only_by_reading_the_pages_is_shown_as_failed(admin_client, database_tasks):
    # Complete-looking (header, startxref, %%EOF) but no readable structure.
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\nstartxref\n9\n%%EOF\n"
    assert upload(admin_client, "odd.pdf", data).status_code == 302
    run_worker()
    assert "Failed: The file is not a readable PDF" in listing(admin_client)


def test_a_title_saved_while_extracting_keeps_the_workers_text(admin_client, database_tasks):
    upload(admin_client, "report.pdf", make_pdf("Hub report", [ENGLISH]))
    document = SiteDocument.objects.get()
    stale = SiteDocument.objects.get()  # an edit form opened before the worker ran
    run_worker()
    stale.title = "Renamed"
    stale.save()
    document.refresh_from_db()
    assert (document.title, document.extraction_status) == ("Renamed", "done")
    assert WORD in document.text


def test_replacing_the_file_before_the_worker_ran_extracts_only_the_new_file(
    admin_client, database_tasks
):
    upload(admin_client, "one.pdf", make_pdf("One", [["First version about music."] * 3]))
    document = SiteDocument.objects.get()
    admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Two",
            "collection": 1,
            "file": SimpleUploadedFile("two.pdf", make_pdf("Two", [ENGLISH])),
        },
    )
    # The first file's task finds its file replaced and leaves the document alone.
    assert run_worker() == [("SUCCESSFUL", "done"), ("SUCCESSFUL", "skipped")]
    document.refresh_from_db()
    assert WORD in document.text
    assert "music" not in document.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("secret.pdf", make_pdf("Secret", [ENGLISH], password="hunter2"), "password-protected"),
        ("broken.pdf", make_pdf("Cut", [ENGLISH])[:400], "damaged"),
        ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "program"),
    ],
    ids=["encrypted", "damaged", "disguised"],
)
def test_refused_files_are_refused_in_the_request_with_one_message(
    admin_client, database_tasks, name, data, message
):
    response = upload(admin_client, name, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1, errors
    assert message in errors[0]
    multiple = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, data)}
    )
    payload = json.loads(multiple.content)
    assert payload["success"] is False
    assert message in payload["error_message"]
    assert "File extension" not in payload["error_message"]
    assert not SiteDocument.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_wrong_extension_gets_wagtails_message_once(admin_client):
    response = upload(admin_client, "tool.exe", b"just bytes")
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1
    assert "File extension “exe” is not allowed" in errors[0]


def test_a_check_that_runs_out_of_time_refuses_nothing(admin_client, settings):
    # Far below the child's start-up: the encryption check gives up, the
    # upload is stored, and the extraction (with its own limit) decides.
    settings.DOCUMENT_CHECK_MAX_SECONDS = 0.001
    response = upload(admin_client, "open.pdf", permissions_only_pdf(EncryptionMethod.RC4))
    assert response.status_code == 302
    document = SiteDocument.objects.get()
    assert (document.extraction_status, document.page_count) == ("done", 1)


def test_a_locked_pdf_whose_check_ran_out_of_time_fails_in_the_background(admin_client, settings):
    settings.DOCUMENT_CHECK_MAX_SECONDS = 0.001
    upload(admin_client, "secret.pdf", make_pdf("Secret", [ENGLISH], password="hunter2"))
    document = SiteDocument.objects.get()
    assert document.extraction_status == "failed"
    assert "Failed: The PDF is encrypted" in listing(admin_client)


def test_production_with_the_database_task_backend_passes_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=creativeflip.settings.production",
        env_extra=dict(PRODUCTION_ENV, TASKS_BACKEND="database"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unknown_task_backend_is_refused_at_start():
    result = run_manage(
        "check",
        "--settings=creativeflip.settings.production",
        env_extra=dict(PRODUCTION_ENV, TASKS_BACKEND="celery"),
    )
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database" in result.stderr


# -- PDFs other readers open ----------------------------------------------------------


def permissions_only_pdf(method):
    """Encrypted with an empty user password: readers open it without asking."""
    pdf = FPDF()
    pdf.set_title("Open")
    pdf.set_encryption(owner_password="owner", user_password="", encryption_method=method)
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    for line in ENGLISH:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize("method", [EncryptionMethod.RC4, EncryptionMethod.AES_256])
def test_pdf_encrypted_with_an_empty_password_is_accepted_and_read(admin_client, method):
    data = permissions_only_pdf(method)
    assert PdfReader(io.BytesIO(data)).is_encrypted
    response = upload(admin_client, "open.pdf", data)
    assert response.status_code == 302, form_errors(response)
    document = SiteDocument.objects.get()
    assert document.extraction_status == "done"
    assert WORD in document.text


def broken_metadata(data: bytes) -> bytes:
    """The document information dictionary turned into an unreadable stream
    (same length, so the cross-reference table stays right)."""
    number = re.search(rb"/Info (\d+) 0 R", data).group(1)
    match = re.search(rb"\n" + number + rb" 0 obj\n(.*?)\nendobj", data, re.S)
    body = match.group(1)
    garbage = b"<</Length 99999>>stream\n"
    return data.replace(body, garbage + b"x" * (len(body) - len(garbage)), 1)


def test_pdf_with_unreadable_metadata_is_accepted_and_read(admin_client):
    data = broken_metadata(make_pdf("Meta", [ENGLISH]))
    with pytest.raises(Exception):  # noqa: B017, PT011 - any reader error
        PdfReader(io.BytesIO(data)).metadata  # noqa: B018
    response = upload(admin_client, "meta.pdf", data)
    assert response.status_code == 302, form_errors(response)
    assert WORD in SiteDocument.objects.get().text


def test_empty_password_and_unreadable_metadata_together(admin_client):
    data = broken_metadata(permissions_only_pdf(EncryptionMethod.AES_128))
    response = upload(admin_client, "both.pdf", data)
    assert response.status_code == 302, form_errors(response)
    assert WORD in SiteDocument.objects.get().text


# -- images -----------------------------------------------------------------------------


def png(width, height) -> bytes:
    """A bilevel PNG: a few KB on disk, width x height pixels once decoded."""
    out = io.BytesIO()
    PILImage.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def test_image_above_the_pixel_limit_is_refused(admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    data = png(11000, 11000)
    assert len(data) < 100_000
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Bomb", "file": SimpleUploadedFile("bomb.png", data), "collection": 1},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == [
        "This image has too many pixels: at most 40000000 are allowed. "
        "Scale it down and upload it again."
    ]
    multiple = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("bomb.png", data)}
    )
    assert "too many pixels" in json.loads(multiple.content)["error_message"]
    assert not get_image_model().objects.exists()


def test_image_below_the_limit_is_accepted(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Photo",
            "file": SimpleUploadedFile("photo.png", png(4000, 3000)),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 4000


def test_rendition_of_an_oversized_stored_image_is_refused_before_decoding(db):
    # Stored before the limit existed, so never checked by the form: Pillow
    # must refuse to decode it rather than take ~1 GB to make a thumbnail.
    name = default_storage.save("original_images/old.png", ContentFile(png(11000, 11000)))
    image = get_image_model().objects.create(title="Old", file=name, width=11000, height=11000)
    with pytest.raises((PILImage.DecompressionBombWarning, PILImage.DecompressionBombError)):
        image.get_rendition("fill-100x100")
    assert not image.renditions.exists()
