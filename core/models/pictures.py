"""A picture for a page: one image from the library, with alt text that is
translated with the page (the image itself is shared by all languages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PagePicture(models.Model):
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the page, on its card in listings and when the page is shared."),
    )
    image_alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )

    picture_panels = [
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Picture"))
    ]
    picture_translatable_fields = [SynchronizedField("image"), TranslatableField("image_alt")]

    class Meta:
        abstract = True
