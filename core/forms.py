"""Admin form for documents (WAGTAILDOCS_DOCUMENT_FORM_BASE): upload
validation lives here.

Wagtail already enforces WAGTAILDOCS_EXTENSIONS and WAGTAILDOCS_MAX_UPLOAD_SIZE.
On top of that the file's content must match its extension (a ``.pdf`` that is
really a program or a web page is refused), and a PDF must be readable: an
encrypted or damaged PDF is refused with a message that says how to fix it.
A PDF that is merely slow or partly unreadable is accepted; its document then
carries a visible extraction warning.
"""

import os

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

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


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warning = getattr(self.instance, "extraction_warning", "")
        if warning and "file" in self.fields:
            # Shown under the file field on the edit view: why search cannot
            # see (all of) this document's text.
            self.fields["file"].help_text = _("Text extraction: %(warning)s") % {"warning": warning}

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        extension = os.path.splitext(uploaded.name)[1].lstrip(".").lower()
        uploaded.seek(0)
        data = uploaded.read()
        uploaded.seek(0)
        problem = sniff(data[:2048], extension)
        if problem:
            raise forms.ValidationError(
                MESSAGES[problem], code=problem, params={"type": extension.upper()}
            )
        # Extract now, in the bounded child process, so that an unreadable
        # PDF is refused here and the model does not read the file twice.
        probe = self.instance.__class__(file=uploaded)
        result = probe.run_extraction(data)
        if result.refused:
            raise forms.ValidationError(MESSAGES[result.status], code=result.status)
        self.instance._pending_extraction = result
        return uploaded
