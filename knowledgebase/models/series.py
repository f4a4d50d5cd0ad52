"""Publication series ("Policy briefs", "Working papers"): a translatable
snippet, so each language names the series in its own words and every paper
of a series in one language links the same row."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField


class Series(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("name")]
    override_translatable_fields = [TranslatableField("name")]
    search_fields = [index.SearchField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("publication series")
        verbose_name_plural = _("publication series")

    def __str__(self) -> str:
        return self.name
