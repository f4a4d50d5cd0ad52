"""News items and events, listed by date and syndicated as feeds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import countries_api_field, country_api_field
from knowledgebase.blocks import RICH

from .base import PARTNER_SECTIONS, KnowledgePage

BODY_FEATURES = [*RICH, "h2", "h3"]


class NewsPage(KnowledgePage):
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)

    parent_page_types = ["knowledgebase.NewsIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("countries"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    api_fields = [*KnowledgePage.base_api_fields, "body", countries_api_field("countries")]
    override_translatable_fields = KnowledgePage.base_translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("countries"),
    ]

    class Meta:
        verbose_name = _("news item")


class EventFormat(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("On site and online")


class EventPage(KnowledgePage):
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    event_format = models.CharField(
        _("format"), max_length=8, choices=EventFormat.choices, default=EventFormat.ONSITE
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)

    parent_page_types = ["knowledgebase.NewsIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    content_panels = KnowledgePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("end_date"), FieldPanel("start_time")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("city"),
                FieldPanel("country"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("registration_url"),
        FieldPanel("body"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("event_format"),
    ]
    api_fields = [
        *KnowledgePage.base_api_fields,
        "end_date",
        "start_time",
        "event_format",
        "venue",
        "city",
        country_api_field("country"),
        "online_url",
        "registration_url",
        "body",
    ]
    override_translatable_fields = KnowledgePage.base_translatable_fields + [
        TranslatableField("venue"),
        TranslatableField("city"),
        TranslatableField("body"),
        SynchronizedField("end_date"),
        SynchronizedField("start_time"),
        SynchronizedField("event_format"),
        SynchronizedField("country"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
    ]

    class Meta:
        verbose_name = _("event")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})
        if self.event_format != EventFormat.ONSITE and not self.online_url:
            raise ValidationError({"online_url": _("Give the link for joining online.")})
