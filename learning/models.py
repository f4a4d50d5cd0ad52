from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import BaseIndexPage, BasePage


class LearningIndexPage(BaseIndexPage):
    """The learning catalogue at /learning/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.LearningPathPage", "learning.LearningModulePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]

    class Meta:
        verbose_name = _("learning index")


class LearningModulePage(BasePage):
    parent_page_types = ["learning.LearningIndexPage", "partners.EducationPartnerPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("learning module")


class LearningPathPage(BasePage):
    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("learning path")


class Occupation(models.Model):
    """An ESCO occupation, one row per concept, keyed by its URI. Labels in
    each language live beside it."""

    uri = models.URLField(max_length=255, unique=True)

    def __str__(self) -> str:
        return self.uri


class Skill(models.Model):
    """An ESCO skill or knowledge concept, one row per concept, keyed by its
    URI. Labels in each language live beside it."""

    uri = models.URLField(max_length=255, unique=True)

    def __str__(self) -> str:
        return self.uri
