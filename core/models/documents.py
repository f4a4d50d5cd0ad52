"""The project's Document model: a Wagtail document that also stores the text
of the file, so that search never opens files.

Saving a new or replaced file marks the document "pending", empties its text
and queues ``core.tasks.extract_document_text``, which reads the file
(``core.extraction``: pypdf in a child process, bounded by the
DOCUMENT_TEXT_* settings) and fills ``text``, ``page_texts``, ``page_count``
and ``language``, then marks it "done", or "failed" with the reason in
``extraction_warning``. With the immediate task backend this happens before
``save()`` returns; with the database backend, in ``manage.py db_worker``.

Those fields belong to the task: any other save of an existing document
leaves them out, so a form opened before the task finished cannot wipe the
text it wrote.
"""

import os

from django.conf import global_settings, settings
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index

from core import extraction

TEXT_EXTENSIONS = {"txt", "csv"}


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Extracting…")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


# Written only by the extraction task (and reset when the file changes).
EXTRACTED_FIELDS = (
    "text",
    "page_texts",
    "page_count",
    "language",
    "extraction_status",
    "extraction_warning",
)


def file_language_choices():
    """Every language Django knows, by code: a file may be in a language the
    site does not use (a Portuguese report on a Lisbon hub's page)."""
    return [("", _("Not set (use the detected language)")), *global_settings.LANGUAGES]


class SiteDocument(AbstractDocument):
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    page_texts = models.JSONField(
        _("text per page"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The extracted text split by PDF page, for 'found on page N'."),
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    language = models.CharField(_("detected language"), max_length=8, blank=True, editable=False)
    # Rows that predate background extraction were extracted on upload: "done".
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=8,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.DONE,
        editable=False,
    )
    extraction_warning = models.CharField(
        _("extraction warning"), max_length=255, blank=True, editable=False
    )

    file_language = models.CharField(
        _("language of the file"),
        max_length=12,
        blank=True,
        choices=file_language_choices,
        help_text=_(
            "The language the file is written in. Pages linking it in another "
            "language say so. Leave empty to use the language detected in the text."
        ),
    )

    admin_form_fields = ("title", "file", "file_language", "collection", "tags")

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("text"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._extracted_file_name = instance.__dict__.get("file") and instance.file.name
        return instance

    def clean(self):
        # Without a file (the form already refused the upload) Wagtail's
        # extension check would add a second, wrong error: 'File extension ""'.
        if self.file:
            super().clean()

    @property
    def content_language(self) -> str:
        """The file's language code: the editor's choice, else the detected one."""
        return self.file_language or self.language

    def language_name(self) -> str:
        """The file's language, named in the active language ("" when unknown)."""
        code = self.content_language
        try:
            return str(get_language_info(code)["name_translated"]) if code else ""
        except KeyError:
            return ""

    # -- extraction -----------------------------------------------------------

    @property
    def extension(self) -> str:
        return os.path.splitext(self.file.name or "")[1].lstrip(".").lower()

    def extraction_label(self) -> str:
        """The status as editors see it in the document listing."""
        label = str(self.get_extraction_status_display())
        if self.extraction_status == ExtractionStatus.FAILED and self.extraction_warning:
            return f"{label}: {self.extraction_warning}"
        return label

    def read_file(self) -> bytes:
        self.file.open("rb")
        try:
            return self.file.read()
        finally:
            self.file.close()

    def run_extraction(self, data: bytes) -> extraction.Extraction:
        """Extract the text of ``data`` (this document's file) within the
        configured limits. Does not save."""
        if self.extension == "pdf":
            return extraction.extract_pdf(
                data,
                max_pages=settings.DOCUMENT_TEXT_MAX_PAGES,
                max_chars=settings.DOCUMENT_TEXT_MAX_CHARS,
                max_seconds=settings.DOCUMENT_TEXT_MAX_SECONDS,
            )
        if self.extension in TEXT_EXTENSIONS:
            return extraction.extract_plain_text(data, settings.DOCUMENT_TEXT_MAX_CHARS)
        return extraction.Extraction(extraction.UNSUPPORTED)

    def apply_extraction(self, result: extraction.Extraction) -> None:
        failed = result.status in {extraction.ENCRYPTED, extraction.CORRUPT, extraction.TIMEOUT}
        self.extraction_status = ExtractionStatus.FAILED if failed else ExtractionStatus.DONE
        self.text = result.text
        self.page_texts = result.page_texts
        self.page_count = result.page_count
        self.language = extraction.detect_language(result.text)
        self.extraction_warning = result.warning[:255]

    def reset_extraction(self) -> None:
        self.extraction_status = ExtractionStatus.PENDING
        self.text = ""
        self.page_texts = []
        self.page_count = None
        self.language = ""
        self.extraction_warning = ""

    def save(self, *args, **kwargs):
        file_name = self.file.name if self.file else ""
        new_file = bool(file_name) and file_name != getattr(self, "_extracted_file_name", None)
        if new_file:
            self.reset_extraction()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *EXTRACTED_FIELDS}
        elif not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in EXTRACTED_FIELDS
            ]
        super().save(*args, **kwargs)
        self._extracted_file_name = file_name
        if new_file:
            self.queue_extraction()

    def queue_extraction(self) -> None:
        from core.tasks import extract_document_text

        result = extract_document_text.enqueue(self.pk, self.file.name)
        if result.is_finished:
            # The immediate backend ran it already: show its outcome here too.
            self.refresh_from_db(fields=EXTRACTED_FIELDS)

    def get_page_text(self, number: int) -> str:
        """The text of PDF page ``number`` (1-based), or ""."""
        if 1 <= number <= len(self.page_texts or []):
            return self.page_texts[number - 1]
        return ""
