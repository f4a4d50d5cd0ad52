"""The demo's translations: one PO catalogue per language,
``demo/locale/<lang>.po``, with wagtail-localize's msgctxt and msgid.

``translate(instance)`` brings a demo page or snippet into every other
language the way a translator's upload does: a PO file for the instance's
translation, filled from the catalogue, goes through wagtail-localize's
``Translation.import_po`` (the import behind the admin's PO upload), and
wagtail-localize writes the translated page. The translations are real,
linked and editable; when the English changes, the catalogue no longer
holds the new string and the status report shows the page out of date.
"""

import functools
from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from core.languages import TARGET_CODES
from core.localization.po import TRANSLATION_ID
from core.translation import current_translation, write_translation

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"


class Catalogue:
    """``(msgctxt, msgid) -> msgstr`` of one language. An entry with an
    empty msgstr is a string that stays as in English (a name, a slug). A
    msgid met in a context the catalogue does not name (a snippet's blocks
    have random ids) takes the msgid's translation when it has only one."""

    def __init__(self, po: polib.POFile):
        self.exact = {}
        self.known = set()
        by_msgid: dict[str, set[str]] = {}
        for entry in po:
            if entry.obsolete:
                continue
            self.known.update(((entry.msgctxt or "", entry.msgid), entry.msgid))
            if entry.msgstr:
                self.exact[(entry.msgctxt or "", entry.msgid)] = entry.msgstr
                by_msgid.setdefault(entry.msgid, set()).add(entry.msgstr)
        self.single = {msgid: next(iter(s)) for msgid, s in by_msgid.items() if len(s) == 1}

    def get(self, msgctxt: str, msgid: str) -> str | None:
        return self.exact.get((msgctxt, msgid)) or self.single.get(msgid)

    def knows(self, msgctxt: str, msgid: str) -> bool:
        return (msgctxt, msgid) in self.known or msgid in self.known


@functools.cache
def catalogue(code: str) -> Catalogue:
    path = DEMO_DIR / "locale" / f"{code}.po"
    return Catalogue(polib.pofile(str(path)) if path.exists() else polib.POFile())


def text(msgid: str, code: str) -> str:
    """The translation of ``msgid`` into ``code`` (the msgid if none)."""
    return catalogue(code).single.get(msgid, msgid)


def translate(instance, codes=None) -> dict:
    """Translate ``instance`` into ``codes`` (every other language) from the
    catalogues; ``{code: translated instance}``. An existing translation is
    left alone when nothing changed since it was last written, or when the
    source has strings the catalogue does not know."""
    codes = codes or TARGET_CODES
    locales = {loc.language_code: loc for loc in Locale.objects.filter(language_code__in=codes)}
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .select_related("string", "context")
    )
    results = {}
    for code in codes:
        locale = locales[code]
        translation, made = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        strings = catalogue(code)
        stored = {} if made else _stored(source, locale)
        po = po_for(translation, segments, strings, stored)
        translation.import_po(po)
        current = None if made else current_translation(instance, locale)
        if current is not None:
            new = any(not strings.knows(s.context.path, s.string.data) for s in segments)
            if new or not (len(po) or _source_changed(source, locale)):
                # Up to date; or the English has strings the catalogue does
                # not know yet: the translation stays as it is, and the
                # status report shows it out of date until they are added.
                results[code] = current
                continue
        results[code] = write_translation(source, locale)
    return results


def po_for(translation, segments, strings: Catalogue, stored=None) -> polib.POFile:
    """The PO file a translator would upload for ``translation``: the
    catalogue's translation of each segment (less those ``stored`` already
    holds, ``{(string id, context id): text}``)."""
    stored = stored or {}
    po = polib.POFile(wrapwidth=200)
    po.metadata = {
        "Content-Type": "text/plain; charset=utf-8",
        TRANSLATION_ID: str(translation.uuid),
    }
    for segment in segments:
        msgstr = strings.get(segment.context.path, segment.string.data)
        if msgstr and stored.get((segment.string_id, segment.context_id)) != msgstr:
            po.append(
                polib.POEntry(
                    msgctxt=segment.context.path, msgid=segment.string.data, msgstr=msgstr
                )
            )
    return po


def _stored(source, locale) -> dict:
    """``{(string id, context id): text}`` already stored for ``locale``."""
    rows = StringTranslation.objects.filter(context__object_id=source.object_id, locale=locale)
    return {(r[0], r[1]): r[2] for r in rows.values_list("translation_of_id", "context_id", "data")}


def _source_changed(source, locale) -> bool:
    """Whether the source changed since the translation into ``locale``
    was last written (wagtail-localize logs every write)."""
    synced = (
        TranslationLog.objects.filter(source=source, locale=locale)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    return synced is None or synced < source.last_updated_at


def table(*msgids: str) -> dict[str, dict[str, str]]:
    """``{msgid: {language: translation}}`` for ``msgids``."""
    return {
        msgid: {code: text(msgid, code) for code in TARGET_CODES if text(msgid, code) != msgid}
        for msgid in msgids
    }
