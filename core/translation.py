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
    locale = Locale.objects.get(language_code=language_code)
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
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
        segments = StringSegment.objects.filter(source=source).select_related("string")
        for segment in segments:
            raw = segment.string.data
            translated = strings.get(raw)
            if translated is None:
                translated = strings.get(_plain(raw))
                if translated is not None and "<" not in raw:
                    translated = escape(translated)
            if translated is None:
                continue
            string, made = StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context_id=segment.context_id,
                defaults={
                    "data": translated,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
            if not made and string.data != translated:
                string.data = translated
                string.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
                string.save(update_fields=["data", "translation_type", "updated_at"])
                made = True
            changed |= made
    if not changed:
        # Nothing new since the last run: keep the translation that exists.
        current = _current_translation(instance, locale)
        if current is not None:
            return current
    with transaction.atomic():
        result, _created = source.create_or_update_translation(
            locale, publish=publish, fallback=True, copy_parent_pages=False
        )
    if isinstance(result, Page):
        return result.specific
    return result


def _current_translation(instance, locale):
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
