"""Give each new partner its own section, and translators each new locale
tree, as soon as the page exists (admin, API, demo or shell alike).

Upstream: Wagtail has no "page created" signal that fires from every path
(``page_published`` misses drafts and the shell; the admin's
``after_create_page`` hook misses the API, the demo and imports), so
``post_save`` with ``created`` it is. Django matches a signal's sender
exactly, not subclasses: the receivers are connected per concrete model in
``PartnersConfig.ready()``. Guard: ``tests/core/test_patches.py``.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_save
from wagtail.models import Page

from partners import sections

WRITTEN_FOR = {"wagtail": ">=8.0.1,<8.1"}


def on_partner_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sections.ensure_section(instance)


def on_tree_root_created(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.depth != 2:
        return
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        sections.ensure_translator_permissions()


def partner_models() -> list[type[Page]]:
    from partners.models import PartnerPage

    return [model for model in apps.get_models() if issubclass(model, PartnerPage)]


def root_models() -> list[type[Page]]:
    """The page models that may stand at the top of a locale's tree."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and Page in model.allowed_parent_page_models()
    ]


def connect() -> None:
    for model in partner_models():
        uid = f"partners-section-{model._meta.label_lower}"
        post_save.connect(on_partner_created, sender=model, dispatch_uid=uid)
    for model in root_models():
        uid = f"partners-translators-{model._meta.label_lower}"
        post_save.connect(on_tree_root_created, sender=model, dispatch_uid=uid)
