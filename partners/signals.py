"""Give each new partner its own section, and translators each new locale
tree, as soon as the page exists (admin, API, demo or shell alike)."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from partners import sections


@receiver(post_save)
def on_page_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, Page):
        return
    from partners.models import PartnerPage

    if isinstance(instance, PartnerPage):
        sections.ensure_section(instance)
    elif instance.depth == 2 and instance.locale.language_code != settings.LANGUAGE_CODE:
        sections.ensure_translator_permissions()
