"""Synchronised links follow the page's locale.

wagtail-localize copies a ``SynchronizedField`` unchanged, so a German
translation would link the *English* themes, sectors, partners or modules.
The project's rule is that a page links the objects of its own locale
(listings, facets and "published by" filter on them). Before any page is
saved, each link that points into another locale is replaced by its
translation in the page's locale, when one exists; links without a
translation are kept. ``core/patches/synchronised_links.py`` runs this before
every page save, ``BasePage.save_revision`` before every draft. Covered:

- many-to-many links (``ParentalManyToManyField``) to any translatable model,
  snippets and pages alike (themes, partners, prerequisite paths, ...);
- foreign keys to translatable snippets (not to pages: Wagtail's own page
  foreign keys, such as ``alias_of``, must stay as they are);
- foreign keys to pages inside inline rows (e.g. the modules of a path).
"""

import functools

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin


def _translatable(model) -> bool:
    return isinstance(model, type) and issubclass(model, TranslatableMixin)


@functools.cache
def localized_fields(model):
    """The fields of ``model`` whose targets are re-pointed on save (found
    once per model: every page save asks)."""
    fields = []
    for field in model._meta.get_fields():
        if field.auto_created or not _translatable(getattr(field, "related_model", None)):
            continue
        if isinstance(field, ParentalManyToManyField) or (
            isinstance(field, models.ForeignKey) and not issubclass(field.related_model, Page)
        ):
            fields.append(field)
    return fields


@functools.cache
def child_page_links(model):
    """(relation name, [page foreign keys]) of the inline rows of ``model``."""
    links = []
    for relation in get_all_child_relations(model):
        child = relation.related_model
        keys = [
            f
            for f in child._meta.get_fields()
            if isinstance(f, models.ForeignKey)
            and not isinstance(f, ParentalKey)
            and _translatable(f.related_model)
            and issubclass(f.related_model, Page)
        ]
        if keys:
            links.append((relation.get_accessor_name(), keys))
    return links


def localize_relations(instance) -> None:
    """Point ``instance``'s synchronised links at its own locale."""
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
    for accessor, keys in child_page_links(type(instance)):
        rows = list(getattr(instance, accessor).all())
        changed = False
        for key in keys:
            targets = [getattr(row, key.name) for row in rows]
            if not any(t is not None and t.locale_id != locale_id for t in targets):
                continue
            present = [t for t in targets if t is not None]
            twins = _translated(key.related_model, present, locale_id)
            mapped = dict(zip(map(id, present), twins, strict=True))
            for row, target in zip(rows, targets, strict=True):
                if target is not None:
                    setattr(row, key.name, mapped[id(target)])
            changed = True
        if changed:
            setattr(instance, accessor, rows)


def _translated(model, values, locale_id):
    keys = [v.translation_key for v in values if v.locale_id != locale_id]
    twins = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [v if v.locale_id == locale_id else twins.get(v.translation_key, v) for v in values]
