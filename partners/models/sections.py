"""A partner's own section: the Wagtail group its editors belong to and the
collection their documents and images go into. Keyed by the partner page's
``translation_key`` so every language version of the partner shares it, and
kept outside the page so revisions never overwrite it."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Workflow


class PartnerSection(models.Model):
    translation_key = models.UUIDField(unique=True, editable=False)
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="partner_section", verbose_name=_("group")
    )
    collection = models.OneToOneField(
        Collection,
        on_delete=models.PROTECT,
        related_name="partner_section",
        verbose_name=_("collection"),
    )
    workflow = models.OneToOneField(
        Workflow,
        on_delete=models.SET_NULL,
        null=True,
        related_name="partner_section",
        verbose_name=_("workflow"),
    )

    class Meta:
        verbose_name = _("partner section")
        verbose_name_plural = _("partner sections")

    def __str__(self) -> str:
        return self.group.name
