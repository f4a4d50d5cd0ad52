"""What every knowledge-base page shares: a date, the taxonomy and the
partners who made it. (Links follow the page into its own locale through
``core/localization/relations.py``.)"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage

# Apps that attach text to a document (consultations on guidelines and
# papers) register a function ``(page) -> str`` under this hook name; the text
# is indexed with the page. (knowledgebase does not import those apps.)
SEARCH_TEXT_HOOK = "knowledge_page_search_text"
# They may also register ``(pages) -> context manager``, entered while a
# chunk of pages is indexed, within which that text comes from one query for
# the chunk (search/facet_rows.py).
SEARCH_TEXT_BATCH_HOOK = "knowledge_page_search_text_batch"

# Knowledge-base pages live under their index page, or in a partner's own
# section of the tree (under its hub or education-partner page).
PARTNER_SECTIONS = ["partners.HubPage", "partners.EducationPartnerPage"]


class KnowledgePage(BasePage):
    """Abstract base of the five knowledge-base page types."""

    cached_as_detail = True  # the page cache purges it only for what it shows (core/pagecache)

    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("Publication date (or the event's date)."),
    )
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    sectors = ParentalManyToManyField("core.Sector", verbose_name=_("sectors"), blank=True)
    audiences = ParentalManyToManyField("core.Audience", verbose_name=_("audiences"), blank=True)
    partners = ParentalManyToManyField(
        "partners.PartnerPage",
        verbose_name=_("partners"),
        blank=True,
        help_text=_("The hubs or education partners who made this."),
    )

    subpage_types: list[str] = []
    detail_prefetch = ("themes", "sectors", "audiences", "partners")

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("sectors"),
                FieldPanel("audiences"),
                FieldPanel("partners"),
            ],
            heading=_("Classification"),
        )
    ]
    search_fields = BasePage.search_fields + [
        index.FilterField("date"),
        index.FilterField("locale"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("partners", [index.SearchField("title")]),
    ]
    base_translatable_fields = [
        TranslatableField("summary"),
        SynchronizedField("date"),
        SynchronizedField("themes"),
        SynchronizedField("sectors"),
        SynchronizedField("audiences"),
        SynchronizedField("partners"),
    ]
    base_api_fields = ["summary", "date", "themes", "sectors", "audiences", "partners"]

    class Meta:
        abstract = True

    def taxonomy_terms(self):
        """Theme, sector and audience names for display (prefetch-friendly)."""
        return [*self.themes.all(), *self.sectors.all(), *self.audiences.all()]

    def attached_search_text(self) -> str:
        """Text that other apps attach to this page, for the search index
        (``SEARCH_TEXT_HOOK``)."""
        parts = [hook(self) for hook in hooks.get_hooks(SEARCH_TEXT_HOOK)]
        return "\n".join(part for part in parts if part)
