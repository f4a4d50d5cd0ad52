"""WPML and Polylang translations as wagtail-localize translations.

A translated WordPress post becomes the translation of its source page the
way a translator's work would: the source is registered with
wagtail-localize, the target locale gets a ``Translation``, and each string
segment of the source gets a ``StringTranslation`` holding the matching
text of the WordPress translation. Editors then find the page in
wagtail-localize's editor and status report like any other translation.

Segments are matched field by field, in order. Where a field of the
WordPress translation has a different shape from the source (another number
of paragraphs, say), its text still becomes the page's content, but the
segments of that field stay untranslated in wagtail-localize and the report
says so: the next sync from the source would overwrite that field.
"""

from collections import defaultdict

from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.translation import translate_object


def _strings_by_field(instance) -> dict[str, list[str]]:
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path.split(".", 1)[0]].append(segment.string.data)
    return strings


def matched_strings(source, translated) -> tuple[dict[str, str], list[str]]:
    """``({source string: translated string}, [fields that did not match])``
    for two instances of the same model."""
    theirs = _strings_by_field(translated)
    pairs, unmatched = {}, []
    for name, ours in _strings_by_field(source).items():
        if len(ours) != len(theirs.get(name, [])):
            unmatched.append(name)
            continue
        pairs.update(zip(ours, theirs[name], strict=True))
    return pairs, unmatched


def link_translation(source, translated, language_code: str, notes: list[str]):
    """Record ``translated`` (an unsaved page filled from WordPress) as the
    wagtail-localize translation of ``source``; returns the translated page
    as wagtail-localize wrote it (not published)."""
    strings, unmatched = matched_strings(source, translated)
    for name in unmatched:
        notes.append(
            f"{name}: shaped differently from the source; kept as written, "
            "not as segments in the translation editor"
        )
    return translate_object(source, language_code, strings, publish=False)
