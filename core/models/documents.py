"""The project's Document model: a Wagtail document that also stores the text
of the file, so that search never opens files.

Extraction (pypdf, bounded by the DOCUMENT_TEXT_* settings) fills ``text``,
``page_count`` and ``language``; ``extraction_warning`` says why the text is
empty when it is.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index


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
