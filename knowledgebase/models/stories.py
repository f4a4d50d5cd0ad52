"""Case stories: what a hub or education partner did, and what came of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import country_api_field
from core.models.pictures import PagePicture
from knowledgebase.blocks import RICH, GalleryBlock, QuotesBlock

from .base import PARTNER_SECTIONS, KnowledgePage


class CaseStoryPage(PagePicture, KnowledgePage):
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    challenge = RichTextField(_("the challenge"), features=RICH, blank=True)
    approach = RichTextField(_("what was done"), features=RICH, blank=True)
    outcome = RichTextField(_("the outcome"), features=RICH, blank=True)
    quotes = StreamField(QuotesBlock(), verbose_name=_("quotes"), blank=True)
    images = StreamField(GalleryBlock(), verbose_name=_("images"), blank=True)
    skills = ParentalManyToManyField(
        "learning.Skill", verbose_name=_("skills illustrated"), blank=True, related_name="+"
    )
    guidelines = ParentalManyToManyField(
        "knowledgebase.GuidelinePage",
        verbose_name=_("guidelines illustrated"),
        blank=True,
        related_name="illustrated_by",
    )

    parent_page_types = ["knowledgebase.CaseStoryIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("country"), FieldPanel("city")], heading=_("Where")),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("outcome"),
        FieldPanel("quotes"),
        FieldPanel("images"),
        MultiFieldPanel(
            [FieldPanel("skills"), FieldPanel("guidelines")], heading=_("What it illustrates")
        ),
        *KnowledgePage.taxonomy_panels,
        *PagePicture.picture_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("city"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("outcome"),
        index.SearchField("quotes"),
        index.SearchField("images"),
        index.FilterField("country"),
    ]
    api_fields = [
        *KnowledgePage.base_api_fields,
        country_api_field("country"),
        "city",
        "challenge",
        "approach",
        "outcome",
        "quotes",
        "images",
        "skills",
        "guidelines",
    ]
    override_translatable_fields = KnowledgePage.base_translatable_fields + [
        TranslatableField("city"),
        TranslatableField("challenge"),
        TranslatableField("approach"),
        TranslatableField("outcome"),
        TranslatableField("quotes"),
        TranslatableField("images"),
        SynchronizedField("country"),
        SynchronizedField("skills"),
        SynchronizedField("guidelines"),
        *PagePicture.picture_translatable_fields,
    ]

    class Meta:
        verbose_name = _("case story")
