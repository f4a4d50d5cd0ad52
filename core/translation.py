"""Programmatic translation through wagtail-localize.

Used by ``load_demo`` (and by tests) to create real, linked translations: the
source is registered with wagtail-localize, each string segment gets a
``StringTranslation`` in the target locale, and wagtail-localize writes the
translated page or snippet. Editors later see these as ordinary translations
that they can edit, sync and export as PO files.
"""

from collections.abc import Mapping

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)


def translate_object(instance, language_code: str, strings: Mapping[str, str], publish=True):
    """Translate ``instance`` into ``language_code``.

    ``strings`` maps each English source string (plain text, or the exact HTML
    of a rich-text segment) to its translation. Strings without an entry fall
    back to the source text. Returns the translated instance.
    """
    return translate_into(instance, {language_code: strings}, publish=publish)[language_code]


def translate_into(instance, strings_by_language: Mapping[str, Mapping[str, str]], publish=True):
    """Translate ``instance`` into each language of ``strings_by_language``
    (``{language: {english: text}}``, as for ``translate_object``). Returns
    ``{language: translated instance}``.

    The source is registered and its segments read once for all languages,
    and the string translations already stored are read in one query; each
    language is then written by wagtail-localize as usual, and only when
    its strings or the source changed since it was last written."""
    codes = list(strings_by_language)
    locales = {loc.language_code: loc for loc in Locale.objects.filter(language_code__in=codes)}
    missing = set(codes) - set(locales)
    if missing:
        raise Locale.DoesNotExist(f"No locale for {sorted(missing)}")
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    results = {}
    for code in codes:
        locale = locales[code]
        with transaction.atomic():
            changed = _store_strings(source, segments, locale, strings_by_language[code])
        if not changed:
            # Nothing new since the last run: keep the translation that exists.
            current = current_translation(instance, locale)
            if current is not None:
                results[code] = current
                continue
        results[code] = write_translation(source, locale, publish=publish)
    return results


def write_translation(source, locale, publish=True):
    """Let wagtail-localize write ``source`` into ``locale`` from the
    stored string translations (English where there is none)."""
    with transaction.atomic():
        result, _created = source.create_or_update_translation(
            locale, publish=publish, fallback=True, copy_parent_pages=False
        )
    return result.specific if isinstance(result, Page) else result


def _store_strings(source, segments, locale, strings: Mapping[str, str]) -> bool:
    """Store the translations of ``segments`` into ``locale``; whether
    anything changed since this locale was last written from the source."""
    _translation, made = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Up to date when this locale was last written from the source as it
    # is now (wagtail-localize logs every write of a translation).
    synced = (
        TranslationLog.objects.filter(source=source, locale=locale)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    changed = made or synced is None or synced < source.last_updated_at
    wanted = {}
    for segment in segments:
        raw = segment.string.data
        translated = strings.get(raw)
        if translated is None:
            translated = strings.get(_plain(raw))
            if translated is not None and "<" not in raw:
                translated = escape(translated)
        if translated is not None:
            wanted[(segment.string_id, segment.context_id)] = translated
    if not wanted:
        return changed
    stored = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            translation_of_id__in={key[0] for key in wanted},
            context_id__in={key[1] for key in wanted},
            locale=locale,
        )
    }
    for (string_id, context_id), translated in wanted.items():
        row = stored.get((string_id, context_id))
        if row is None:
            # Saved one by one: wagtail-localize's post_save receiver keeps
            # an existing page's draft title in step with its title's string.
            StringTranslation.objects.create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                data=translated,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            changed = True
        elif row.data != translated:
            row.data = translated
            row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            row.save(update_fields=["data", "translation_type", "updated_at"])
            changed = True
    return changed


def current_translation(instance, locale):
    """The live translation of ``instance`` in ``locale`` (any translation,
    for snippets), or None."""
    translated = instance.get_translation_or_none(locale)
    if translated is None:
        return None
    if isinstance(translated, Page):
        translated = translated.specific
        if not translated.live or translated.has_unpublished_changes:
            return None
    return translated


def _plain(data: str) -> str:
    from html import unescape

    return unescape(data)


def strings_for(table: Mapping[str, Mapping[str, str]], language_code: str) -> dict[str, str]:
    """From ``{english: {lang: text}}`` make ``{english: text}`` for one language."""
    return {en: by_lang[language_code] for en, by_lang in table.items() if language_code in by_lang}
