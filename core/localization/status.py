"""Translation status of every page and translatable snippet, per locale.

For each source object (in the default locale) and each other locale:

- ``missing``: no translation in that locale (for pages: none that is live
  and more than an alias of the source);
- ``outdated``: a translation exists, but the source changed after it was
  last synced. Pages: the source was published after the latest
  wagtail-localize sync into that locale (``TranslationLog``), or, with no
  sync on record, after the translation was last published. Snippets: the
  strings last extracted from the source include some with no translation
  in that locale;
- ``incomplete``: a page translation that is live and up to date but still
  shows source text: some of the source's strings have no translation in
  that locale (wagtail-localize then falls back to the source), or it links
  a translatable snippet (theme, sector...) that has no translation there;
- ``translated``: otherwise.

The number of queries depends on the number of snippet models and locales,
not on the number of objects.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Max, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationLog,
    TranslationSource,
)

from core.localization.registry import label, translatable_models
from core.page_visibility import visible_pages

TRANSLATED = "translated"
INCOMPLETE = "incomplete"
OUTDATED = "outdated"
MISSING = "missing"
STATUS_LABELS = {
    TRANSLATED: _("Translated"),
    INCOMPLETE: _("Partly translated"),
    OUTDATED: _("Out of date"),
    MISSING: _("Missing"),
}


@dataclass
class Row:
    kind: str  # "page" or "snippet"
    type_label: str  # app_label.model
    type_name: str
    pk: int
    title: str
    translation_key: object
    depth: int = 0
    source_id: int | None = None
    statuses: dict = field(default_factory=dict)  # language_code -> status


def snippet_models():
    return [m for m in translatable_models() if not issubclass(m, Page)]


def type_choices():
    """``(app_label.model, verbose name)`` for every translated type."""
    return [(label(m), str(m._meta.verbose_name).capitalize()) for m in translatable_models()]


def build_report(*, locales=None, section=None, type_label=None, source_locale=None, user=None):
    """Rows for the report. ``locales``: target locales (default: all but
    the source); ``section``: a page whose subtree to report on (snippets
    are left out then); ``type_label``: one ``app_label.model``; ``user``:
    only pages this user may see (``core.page_visibility``)."""
    source_locale = source_locale or Locale.get_default()
    if locales is None:
        locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("pk"))
    rows = []
    models = {label(m): m for m in translatable_models()}
    wanted = [models[type_label]] if type_label else list(models.values())
    page_models = [m for m in wanted if issubclass(m, Page)]
    if page_models:
        rows += _page_rows(
            source_locale, locales, section, page_models, all_types=not type_label, user=user
        )
    if section is None:
        snippet_models_wanted = [m for m in wanted if not issubclass(m, Page)]
        rows += _snippet_rows(snippet_models_wanted, source_locale, locales)
    return rows


def _page_rows(source_locale, locales, section, page_models, all_types, user):
    pages = Page.objects.filter(locale=source_locale, depth__gt=1)
    if user is not None:
        pages = visible_pages(pages, user)
    if section is not None:
        pages = pages.descendant_of(section, inclusive=True)
    if not all_types:
        types = ContentType.objects.get_for_models(*page_models).values()
        pages = pages.filter(content_type__in=types)
    pages = list(
        pages.order_by("path").values(
            "pk",
            "title",
            "depth",
            "translation_key",
            "content_type_id",
            "last_published_at",
            "latest_revision_created_at",
        )
    )
    if not pages:
        return []
    keys = [p["translation_key"] for p in pages]
    content_types = ContentType.objects.get_for_id
    translated = {}
    for other in Page.objects.filter(translation_key__in=keys, locale__in=locales).values(
        "translation_key", "locale_id", "live", "alias_of_id", "last_published_at"
    ):
        translated[other["translation_key"], other["locale_id"]] = other
    sources, synced = _sources_and_syncs(Page, keys)
    gaps = _untranslated_sources(list(sources.values()), locales)
    unlinked = _missing_related(pages, locales)
    rows = []
    for page in pages:
        model = content_types(page["content_type_id"]).model_class()
        changed = page["last_published_at"] or page["latest_revision_created_at"]
        row = Row(
            kind="page",
            type_label=label(model) if model else "",
            type_name=str(model._meta.verbose_name).capitalize() if model else "",
            pk=page["pk"],
            title=page["title"],
            translation_key=page["translation_key"],
            depth=page["depth"],
            source_id=sources.get(page["translation_key"]),
        )
        for locale in locales:
            other = translated.get((page["translation_key"], locale.pk))
            if other is None or not other["live"] or other["alias_of_id"]:
                status = MISSING
            else:
                last_sync = synced.get((page["translation_key"], locale.pk))
                reference = last_sync or other["last_published_at"]
                status = OUTDATED if changed and reference and changed > reference else TRANSLATED
            if status == TRANSLATED and (
                row.source_id in gaps[locale.pk] or (page["translation_key"], locale.pk) in unlinked
            ):
                status = INCOMPLETE
            row.statuses[locale.language_code] = status
        rows.append(row)
    return rows


def _missing_related(pages, locales):
    """``{(page translation_key, locale id)}`` where the source page links a
    translatable snippet (many-to-many or foreign key) that has no
    translation in that locale. Queries: one per such field and one per
    snippet model, whatever the number of pages."""
    from core.localization.relations import localized_fields

    by_model = defaultdict(list)
    for page in pages:
        model = ContentType.objects.get_for_id(page["content_type_id"]).model_class()
        if model is not None:
            by_model[model].append(page["pk"])
    keys = {page["pk"]: page["translation_key"] for page in pages}
    links = defaultdict(set)  # snippet model -> {(page translation_key, snippet key)}
    for model, ids in by_model.items():
        for link in localized_fields(model):
            if issubclass(link.related_model, Page):
                continue
            rows = model.objects.filter(pk__in=ids).values_list(
                "pk", f"{link.name}__translation_key"
            )
            links[link.related_model] |= {(keys[pk], key) for pk, key in rows if key}
    missing = set()
    for snippet_model, pairs in links.items():
        wanted = {key for _page, key in pairs}
        present = set(
            snippet_model.objects.filter(
                translation_key__in=wanted, locale__in=locales
            ).values_list("translation_key", "locale_id")
        )
        for page_key, key in pairs:
            missing |= {(page_key, loc.pk) for loc in locales if (key, loc.pk) not in present}
    return missing


def _sources_and_syncs(model, keys):
    """``{translation_key: TranslationSource id}`` and
    ``{(translation_key, locale id): last sync time}`` for objects of a model."""
    base_type = ContentType.objects.get_for_model(model.get_translation_model())
    sources = dict(
        TranslationSource.objects.filter(
            object__content_type=base_type, object_id__in=keys
        ).values_list("object_id", "pk")
    )
    synced = {
        (row["source__object_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source_id__in=sources.values())
        .values("source__object_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    return sources, synced


def _snippet_rows(models, source_locale, locales):
    rows = []
    for model in models:
        objects = list(model.objects.filter(locale=source_locale).order_by("pk"))
        if not objects:
            continue
        keys = [obj.translation_key for obj in objects]
        existing = set(
            model.objects.filter(translation_key__in=keys, locale__in=locales).values_list(
                "translation_key", "locale_id"
            )
        )
        sources, _synced = _sources_and_syncs(model, keys)
        for obj in objects:
            row = Row(
                kind="snippet",
                type_label=label(model),
                type_name=str(model._meta.verbose_name).capitalize(),
                pk=obj.pk,
                title=str(obj),
                translation_key=obj.translation_key,
                source_id=sources.get(obj.translation_key),
            )
            row.existing = {loc.pk for loc in locales if (obj.translation_key, loc.pk) in existing}
            rows.append(row)
    gaps = _untranslated_sources([r.source_id for r in rows if r.source_id], locales)
    for row in rows:
        for locale in locales:
            if locale.pk not in row.existing:
                status = MISSING
            elif row.source_id in gaps[locale.pk]:
                status = OUTDATED
            else:
                status = TRANSLATED
            row.statuses[locale.language_code] = status
    return rows


def _untranslated_sources(source_ids, locales):
    """``{locale id: {source ids with a string lacking a translation}}``:
    one query per locale, for all snippet sources together."""
    gaps = defaultdict(set)
    if not source_ids:
        return gaps
    for locale in locales:
        # A slug left as in the source is normal (URLs may stay English).
        segments = StringSegment.objects.filter(source_id__in=source_ids).exclude(
            context__path="slug"
        )
        segments = segments.annotate(
            done=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale=locale,
                    has_error=False,
                )
            )
        )
        gaps[locale.pk] = set(
            segments.filter(done=False).values_list("source_id", flat=True).distinct()
        )
    return gaps


def summary(rows, locales):
    """``{language_code: {status: count}}``."""
    counts = {locale.language_code: dict.fromkeys(STATUS_LABELS, 0) for locale in locales}
    for row in rows:
        for code, status in row.statuses.items():
            counts[code][status] += 1
    return counts
