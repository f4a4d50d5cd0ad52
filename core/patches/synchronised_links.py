"""Synchronised links follow the page's locale on save.

Upstream: wagtail-localize 1.14 copies a ``SynchronizedField`` from the
source page unchanged (``wagtail_localize.fields.copy_synchronised_fields``
sets the source's related objects on the translation), so a German page
would link the English themes, sectors, partners or modules.

Here: before a page is saved, ``core.localization.relations`` re-points each
such link at its translation in the page's locale (``BasePage.save_revision``
does the same for drafts). Connected per concrete page model that has such
links: Django matches a signal's sender exactly, not its subclasses.

Guard: ``tests/core/test_patches.py`` copies a page's links with
wagtail-localize alone and expects the English terms. Delete this module
when that test fails because wagtail-localize maps the links itself.
"""

from django.apps import apps
from django.db.models.signals import pre_save
from wagtail.models import Page

from core.localization.relations import child_page_links, localize_relations, localized_fields

WRITTEN_FOR = {"wagtail-localize": ">=1.14.5,<1.15"}


def localize_page_relations(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or update_fields is not None:
        return  # fixtures, and partial saves (revision bookkeeping) touch no links
    localize_relations(instance)


def senders() -> list[type[Page]]:
    """The concrete page models with links to translatable objects."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and (localized_fields(model) or child_page_links(model))
    ]


def _uid(model) -> str:
    return f"cf-synchronised-links-{model._meta.label_lower}"


def connect() -> None:
    for model in senders():
        pre_save.connect(localize_page_relations, sender=model, dispatch_uid=_uid(model))


def disconnect() -> None:
    for model in senders():
        pre_save.disconnect(sender=model, dispatch_uid=_uid(model))
