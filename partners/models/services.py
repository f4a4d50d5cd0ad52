"""Services and facilities a partner offers (a prototyping lab, co-working,
mentoring...): a translatable vocabulary like core's themes and sectors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Service(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=True,
        help_text=_("Used in filter links; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]
    # AutocompleteField: the admin's listing and chooser find "weav" too.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("service or facility")
        verbose_name_plural = _("services and facilities")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_service_slug_locale")
        ]

    def __str__(self) -> str:
        return self.name
