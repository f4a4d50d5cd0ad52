from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import BaseIndexPage, BasePage

# Knowledge-base pages live under their index page, or in a partner's own
# section of the tree (under its hub or education-partner page).
PARTNER_SECTIONS = ["partners.HubPage", "partners.EducationPartnerPage"]


class KnowledgeIndexPage(BaseIndexPage):
    """Shared rules of the four knowledge-base listings."""

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        abstract = True


class PolicyPaperIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.PolicyPaperPage"]

    class Meta:
        verbose_name = _("policy paper index")


class GuidelineIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.GuidelinePage"]

    class Meta:
        verbose_name = _("guideline index")


class CaseStoryIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.CaseStoryPage"]

    class Meta:
        verbose_name = _("case story index")


class NewsIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.NewsPage", "knowledgebase.EventPage"]

    class Meta:
        verbose_name = _("news index")


class PolicyPaperPage(BasePage):
    parent_page_types = ["knowledgebase.PolicyPaperIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy paper")


class GuidelinePage(BasePage):
    parent_page_types = ["knowledgebase.GuidelineIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guideline")


class CaseStoryPage(BasePage):
    parent_page_types = ["knowledgebase.CaseStoryIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case story")


class NewsPage(BasePage):
    date = models.DateField(_("date"))

    parent_page_types = ["knowledgebase.NewsIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")


class EventPage(BasePage):
    date = models.DateField(_("date"))

    parent_page_types = ["knowledgebase.NewsIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
