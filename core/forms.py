from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Admin form for documents (WAGTAILDOCS_DOCUMENT_FORM_BASE): upload
    validation lives here."""
