"""The project's Document model: a Wagtail document that also stores the text
of the file, so that search never opens files.

Extraction (``core.extraction``: pypdf in a child process, bounded by the
DOCUMENT_TEXT_* settings) fills ``text``, ``page_texts``, ``page_count`` and
``language`` whenever a new file is saved; ``extraction_warning`` says why the
text is empty or partial when it is.
"""

import os

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index

from core import extraction

TEXT_EXTENSIONS = {"txt", "csv"}


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
    extraction_warning = models.CharField(
        _("extraction warning"), max_length=255, blank=True, editable=False
    )

    admin_form_fields = ("title", "file", "collection", "tags")

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

    # -- extraction -----------------------------------------------------------

    @property
    def extension(self) -> str:
        return os.path.splitext(self.file.name or "")[1].lstrip(".").lower()

    def run_extraction(self, data: bytes | None = None) -> extraction.Extraction:
        """Extract the text of the current file (``data``, or read from the
        file) within the configured limits. Does not save."""
        if data is None:
            self.file.open("rb")
            try:
                data = self.file.read()
            finally:
                self.file.seek(0)
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
        self.text = result.text
        self.page_texts = result.page_texts
        self.page_count = result.page_count
        self.language = extraction.detect_language(result.text)
        self.extraction_warning = result.warning[:255]

    def save(self, *args, **kwargs):
        file_name = self.file.name if self.file else ""
        if file_name and file_name != getattr(self, "_extracted_file_name", None):
            result = getattr(self, "_pending_extraction", None)
            if result is None:
                try:
                    result = self.run_extraction()
                except OSError as error:
                    result = extraction.Extraction(
                        extraction.CORRUPT, warning=f"The file could not be read: {error}"
                    )
            self.apply_extraction(result)
            self._pending_extraction = None
        super().save(*args, **kwargs)
        self._extracted_file_name = self.file.name if self.file else ""

    def get_page_text(self, number: int) -> str:
        """The text of PDF page ``number`` (1-based), or ""."""
        if 1 <= number <= len(self.page_texts or []):
            return self.page_texts[number - 1]
        return ""
