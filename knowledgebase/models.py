from django.utils.translation import gettext_lazy as _

from core.models import BaseIndexPage


class KnowledgeIndexPage(BaseIndexPage):
    """Shared rules of the four knowledge-base listings."""

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        abstract = True


class PolicyPaperIndexPage(KnowledgeIndexPage):
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy paper index")


class GuidelineIndexPage(KnowledgeIndexPage):
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("guideline index")


class CaseStoryIndexPage(KnowledgeIndexPage):
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case story index")


class NewsIndexPage(KnowledgeIndexPage):
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news index")
