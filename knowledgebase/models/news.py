"""News items and events, listed by date and syndicated as feeds."""

from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import countries_api_field, country_api_field
from core.models.pictures import PagePicture
from knowledgebase import calendar
from knowledgebase.blocks import RICH

from .base import PARTNER_SECTIONS, KnowledgePage

BODY_FEATURES = [*RICH, "h2", "h3"]


class NewsPage(PagePicture, KnowledgePage):
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)

    parent_page_types = ["knowledgebase.NewsIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("countries"),
        *KnowledgePage.taxonomy_panels,
        *PagePicture.picture_panels,
    ]
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    api_fields = [*KnowledgePage.base_api_fields, "body", countries_api_field("countries")]
    override_translatable_fields = KnowledgePage.base_translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("countries"),
        *PagePicture.picture_translatable_fields,
    ]

    class Meta:
        verbose_name = _("news item")


class EventFormat(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("On site and online")


def default_time_zone() -> str:
    return settings.TIME_ZONE


def validate_time_zone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Europe/Lisbon."),
            params={"value": value},
        )


class EventPage(RoutablePageMixin, KnowledgePage):
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text=_("Where the times above are kept, e.g. Europe/Lisbon."),
    )
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
            [
                FieldPanel("date"),
                FieldPanel("end_date"),
                FieldPanel("start_time"),
                FieldPanel("end_time"),
                FieldPanel("time_zone"),
            ],
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
        "end_time",
        "time_zone",
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
        SynchronizedField("end_time"),
        SynchronizedField("time_zone"),
        SynchronizedField("event_format"),
        SynchronizedField("country"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
    ]

    class Meta:
        verbose_name = _("event")

    @path("event.ics/", name="ics")
    def ics(self, request):
        return calendar.event_response(self, request)

    @property
    def is_past(self) -> bool:
        return (self.end_date or self.date) < timezone.localdate()

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})
        if self.event_format != EventFormat.ONSITE and not self.online_url:
            raise ValidationError({"online_url": _("Give the link for joining online.")})
