"""Admin forms for documents (WAGTAILDOCS_DOCUMENT_FORM_BASE) and images
(WAGTAILIMAGES_IMAGE_FORM_BASE): upload validation lives here.

Wagtail already enforces WAGTAILDOCS_EXTENSIONS and WAGTAILDOCS_MAX_UPLOAD_SIZE.
On top of that the file's content must match its extension (a ``.pdf`` that is
really a program or a web page is refused), and a PDF must not be cut off or
locked: those are refused with a message that says how to fix them. The
checks are cheap, so that an upload holds a web worker for milliseconds: byte
tests in this process, and only for a PDF that declares encryption, pypdf in a
child process limited to DOCUMENT_CHECK_MAX_SECONDS (to tell a locked file
from one that opens with the empty password). Reading the text, and finding
damage that only shows when the pages are read, is left to a background task
(``core.tasks``), whose outcome the edit view and the document listing show.
"""

import os

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from core import extraction

# Leading bytes that no document we accept starts with.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
MARKUP_SIGNATURES = (b"<!doctype html", b"<html", b"<script", b"<?php", b"<svg")
ZIP_SIGNATURE = b"PK\x03\x04"
ZIP_EXTENSIONS = {"docx", "pptx", "xlsx", "odt", "ods", "odp", "epub", "zip"}
TEXT_EXTENSIONS = {"txt", "csv", "md"}

MESSAGES = {
    "executable": _("This file is a program, not a document. Upload the document itself."),
    "markup": _("This file is a web page or script, not a %(type)s document."),
    "not_pdf": _("This file is not a PDF, although its name ends in .pdf."),
    "not_zip": _("This file is not a valid .%(type)s document (it may be damaged or renamed)."),
    "binary_text": _("This file is not plain text."),
    extraction.ENCRYPTED: _(
        "This PDF is password-protected. Save an unprotected copy and upload that, "
        "so that its text can be searched."
    ),
    extraction.CORRUPT: _(
        "This PDF is damaged and cannot be read. Export it again from the original "
        "application and upload the new file."
    ),
}


def sniff(head: bytes, extension: str) -> str | None:
    """The key of a MESSAGES entry when ``head`` (the file's first bytes) does
    not fit ``extension``; None when it does."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(EXECUTABLE_SIGNATURES):
        return "executable"
    if stripped.startswith(MARKUP_SIGNATURES):
        return "markup"
    if extension == "pdf" and b"%PDF-" not in head[:1024]:
        return "not_pdf"
    if extension in ZIP_EXTENSIONS and not head.startswith(ZIP_SIGNATURE):
        return "not_zip"
    if extension in TEXT_EXTENSIONS and b"\x00" in head:
        return "binary_text"
    return None


def pdf_problem(data: bytes) -> str | None:
    """extraction.CORRUPT or ENCRYPTED when the PDF must be refused now."""
    # Every complete PDF ends with the pointer to its cross-reference table;
    # a cut-off download does not.
    if b"startxref" not in data or b"%%EOF" not in data:
        return extraction.CORRUPT
    # The trailer (or cross-reference stream) dictionary names /Encrypt in
    # plain bytes. Only then is pypdf worth starting: the empty password may
    # open the file. A check that runs out of time refuses nothing; the
    # background extraction reports what it finds.
    if b"/Encrypt" in data:
        result = extraction.check_pdf(data, settings.DOCUMENT_CHECK_MAX_SECONDS)
        if result.refused:
            return result.status
    return None


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "file" in self.fields:
            # Shown under the file field on the edit view: whether search can
            # see this document's text yet, and why not all of it.
            status = self.instance.extraction_label()
            warning = self.instance.extraction_warning
            if warning and warning not in status:
                status = f"{status} ({warning})"
            field = self.fields["file"]
            text = _("Text extraction: %(status)s") % {"status": status}
            field.help_text = f"{field.help_text} {text}".strip()

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        extension = os.path.splitext(uploaded.name)[1].lstrip(".").lower()
        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
        if allowed:
            # The same check as Wagtail's model, first: no point in sniffing
            # a file type that is refused anyway.
            FileExtensionValidator(allowed)(uploaded)
        uploaded.seek(0)
        head = uploaded.read(2048)
        problem = sniff(head, extension)
        if problem:
            raise forms.ValidationError(
                MESSAGES[problem], code=problem, params={"type": extension.upper()}
            )
        if extension == "pdf":
            uploaded.seek(0)
            problem = pdf_problem(uploaded.read())
            if problem:
                raise forms.ValidationError(MESSAGES[problem], code=problem)
        uploaded.seek(0)
        return uploaded


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail's own message says "(unknown number)" whenever Pillow
            # stopped reading the image early, which is for every large one.
            self.fields["file"].error_messages["file_too_many_pixels"] = _(
                "This image has too many pixels: at most %(max_pixels_count)s are allowed. "
                "Scale it down and upload it again."
            )
