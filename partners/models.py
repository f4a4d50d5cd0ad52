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


PARTNER_CONTENT = [
    "knowledgebase.PolicyPaperPage",
    "knowledgebase.GuidelinePage",
    "knowledgebase.CaseStoryPage",
    "knowledgebase.NewsPage",
    "knowledgebase.EventPage",
]


class HubPage(PartnerPage):
    """A creative hub. Its subtree is its own section of the site."""

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = PARTNER_CONTENT
    is_creatable = True

    class Meta:
        verbose_name = _("creative hub")


class EducationPartnerPage(PartnerPage):
    """A school, VET provider, university or informal learning provider."""

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = [*PARTNER_CONTENT, "learning.LearningModulePage"]
    is_creatable = True

    class Meta:
        verbose_name = _("education partner")


class PartnerIndexPage(BaseIndexPage):
    """The partner directory at /partners/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.HubPage", "partners.EducationPartnerPage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        verbose_name = _("partner directory")


class ExchangeIndexPage(BaseIndexPage):
    """The twin-hub exchanges at /exchanges/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.ExchangePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        verbose_name = _("exchange index")


class ExchangePage(BasePage):
    """A twin-hub or peer exchange between two partners."""

    parent_page_types = ["partners.ExchangeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("exchange")
