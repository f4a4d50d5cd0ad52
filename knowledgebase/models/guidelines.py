"""Guidelines: practical, step-by-step guides with checklists and templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import countries_api_field
from knowledgebase.blocks import DocumentLinkBlock, StepsBlock

from .base import PARTNER_SECTIONS, KnowledgePage


class TestingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PILOTED = "piloted", _("Piloted")
    VALIDATED = "validated", _("Validated")


class GuidelinePage(KnowledgePage):
    steps = StreamField(StepsBlock(), verbose_name=_("steps"), blank=True)
    document = models.ForeignKey(
        "core.SiteDocument",
        verbose_name=_("printable version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The whole guideline as one file, if there is one."),
    )
    templates = StreamField(
        [("template", DocumentLinkBlock(label=_("Template")))],
        verbose_name=_("downloadable templates"),
        blank=True,
    )
    testing_status = models.CharField(
        _("testing status"),
        max_length=16,
        choices=TestingStatus.choices,
        default=TestingStatus.DRAFT,
    )
    pilots = ParentalManyToManyField(
        "knowledgebase.CaseStoryPage",
        verbose_name=_("pilots"),
        blank=True,
        related_name="piloted_guidelines",
        help_text=_("Case stories in which this guideline was tested."),
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)

    parent_page_types = ["knowledgebase.GuidelineIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("steps"),
        MultiFieldPanel([FieldPanel("document"), FieldPanel("templates")], heading=_("Downloads")),
        MultiFieldPanel([FieldPanel("testing_status"), FieldPanel("pilots")], heading=_("Testing")),
        FieldPanel("countries"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("steps"),
        index.FilterField("testing_status"),
        index.SearchField("attached_search_text"),
        index.RelatedFields("document", [index.SearchField("title"), index.SearchField("text")]),
    ]
    api_fields = [
        *KnowledgePage.base_api_fields,
        "steps",
        "document",
        "templates",
        "testing_status",
        "pilots",
        countries_api_field("countries"),
    ]
    override_translatable_fields = KnowledgePage.base_translatable_fields + [
        TranslatableField("steps"),
        SynchronizedField("document"),
        TranslatableField("templates"),
        SynchronizedField("testing_status"),
        SynchronizedField("pilots"),
        SynchronizedField("countries"),
    ]

    detail_select = ("document",)

    class Meta:
        verbose_name = _("guideline")

    def template_documents(self):
        """``[{"document", "title"}]`` of the templates whose file still exists."""
        return [block.value for block in self.templates if block.value["document"]]

    def live_pilots(self):
        return [pilot for pilot in self.pilots.all() if pilot.live]
