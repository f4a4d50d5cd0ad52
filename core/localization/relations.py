"""Synchronised links to translatable snippets follow the page's locale.

wagtail-localize copies a ``SynchronizedField`` unchanged, so a German
translation would link the *English* themes, sectors or audiences. The
project's rule is that a page links the terms of its own locale (search
facets and listings filter on them). Before any page is saved, each link to
a translatable snippet (``ParentalManyToManyField`` or ``ForeignKey``) that
points into another locale is replaced by its translation in the page's
locale, when one exists; links without a translation are kept.
"""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page, TranslatableMixin


def _snippet_target(field):
    target = getattr(field, "related_model", None)
    return (
        target is not None
        and isinstance(target, type)
        and issubclass(target, TranslatableMixin)
        and not issubclass(target, Page)
    )


def localized_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField | models.ForeignKey)
        and not field.auto_created
        and _snippet_target(field)
    ]


def localize_relations(instance) -> None:
    """Point ``instance``'s links to translatable snippets at its locale."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is None:
        return
    for field in localized_fields(type(instance)):
        if isinstance(field, ParentalManyToManyField):
            values = list(getattr(instance, field.name).all())
            if any(v.locale_id != locale_id for v in values):
                setattr(instance, field.name, _translated(field.related_model, values, locale_id))
        else:
            value = getattr(instance, field.name)
            if value is not None and value.locale_id != locale_id:
                setattr(
                    instance, field.name, _translated(field.related_model, [value], locale_id)[0]
                )


def _translated(model, values, locale_id):
    keys = [v.translation_key for v in values if v.locale_id != locale_id]
    twins = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [v if v.locale_id == locale_id else twins.get(v.translation_key, v) for v in values]


@receiver(pre_save, dispatch_uid="cf_localize_snippet_links")
def localize_page_relations(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None:
        return  # partial saves (revision bookkeeping) touch no links
    if localized_fields(sender):
        localize_relations(instance)
