from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.models import BaseIndexPage, BasePage


class PartnerPage(BasePage):
    """What hubs and education partners have in common. Content in a partner's
    section of the tree is that partner's; other apps refer to partners
    through this model ("partners.PartnerPage")."""

    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)

    is_creatable = False
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [FieldPanel("country"), FieldPanel("city")]
    search_fields = BasePage.search_fields + [
        index.SearchField("city"),
        index.FilterField("country"),
    ]
    api_fields = ["summary", "country", "city"]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class PartnerIndexPage(BaseIndexPage):
    """The partner directory at /partners/."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        verbose_name = _("partner directory")


class ExchangeIndexPage(BaseIndexPage):
    """The twin-hub exchanges at /exchanges/."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        verbose_name = _("exchange index")
