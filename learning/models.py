from django.utils.translation import gettext_lazy as _

from core.models import BaseIndexPage


class LearningIndexPage(BaseIndexPage):
    """The learning catalogue at /learning/."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        verbose_name = _("learning index")
