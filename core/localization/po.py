"""PO export and import for a page, a section (subtree) or a snippet, built on
wagtail-localize's ``Translation.export_po`` / ``import_po``.

Import is all or nothing: every file is checked first (it parses, it was
exported from this site, it belongs to the chosen page or section and
language), then all are imported in one transaction.
"""

import io
import zipfile
from dataclasses import dataclass

import polib
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
MAX_FILES = 500


class POError(ValueError):
    """A file that cannot be imported; the message is for the editor."""


def translations_for_section(page, locale, *, subtree=True):
    """Enabled translations into ``locale`` of ``page`` (and its subtree)."""
    pages = page.get_descendants(inclusive=True) if subtree else Page.objects.filter(pk=page.pk)
    keys = pages.filter(locale=page.locale).values("translation_key")
    sources = TranslationSource.objects.filter(object_id__in=keys, locale=page.locale).values("pk")
    return (
        Translation.objects.filter(source_id__in=sources, target_locale=locale, enabled=True)
        .select_related("source", "target_locale")
        .order_by("source__object_repr")
    )


def po_filename(translation) -> str:
    name = slugify(translation.source.object_repr)[:60] or "translation"
    return f"{name}-{translation.target_locale.language_code}-{translation.uuid.hex[:8]}.po"


def export_zip(translations) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            archive.writestr(po_filename(translation), str(translation.export_po()))
    return buffer.getvalue()


@dataclass
class ParsedPO:
    name: str
    po: polib.POFile
    translation: Translation


def read_upload(upload) -> list[tuple[str, str]]:
    """``[(file name, text)]`` from an uploaded .po or .zip."""
    data = upload.read()
    if upload.name.lower().endswith(".zip"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as error:
            raise POError(_("The .zip file cannot be opened.")) from error
        names = [n for n in archive.namelist() if n.lower().endswith(".po")]
        if not names:
            raise POError(_("The .zip file contains no .po files."))
        if len(names) > MAX_FILES:
            raise POError(_("The .zip file contains too many files."))
        return [(name, _decode(name, archive.read(name))) for name in names]
    return [(upload.name, _decode(upload.name, data))]


def _decode(name, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise POError(_("%(name)s is not a UTF-8 text file.") % {"name": name}) from error


def parse(name: str, text: str) -> polib.POFile:
    if not text.strip():
        raise POError(_("%(name)s is empty.") % {"name": name})
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        raise POError(
            _("%(name)s is not a valid PO file: %(error)s") % {"name": name, "error": error}
        ) from error
    if TRANSLATION_ID not in po.metadata:
        raise POError(
            _("%(name)s was not exported from this site (it has no translation ID).")
            % {"name": name}
        )
    return po


def check(files, *, page, locale, subtree) -> list[ParsedPO]:
    """Parse and match every file; raise ``POError`` on the first problem."""
    allowed = {str(t.uuid): t for t in translations_for_section(page, locale, subtree=subtree)}
    parsed = []
    seen = set()
    for name, text in files:
        po = parse(name, text)
        uuid = po.metadata[TRANSLATION_ID]
        translation = allowed.get(uuid)
        if translation is None:
            other = Translation.objects.filter(uuid=uuid).select_related("target_locale").first()
            if other is not None and other.target_locale_id != locale.pk:
                raise POError(
                    _("%(name)s translates into %(other)s, not %(chosen)s.")
                    % {
                        "name": name,
                        "other": other.target_locale.get_display_name(),
                        "chosen": locale.get_display_name(),
                    }
                )
            raise POError(
                _("%(name)s belongs to another page, not to “%(page)s”.")
                % {"name": name, "page": page.title}
            )
        if uuid in seen:
            raise POError(_("%(name)s repeats a file already in the upload.") % {"name": name})
        seen.add(uuid)
        parsed.append(ParsedPO(name, po, translation))
    return parsed


def import_files(parsed: list[ParsedPO], *, user=None, publish=False):
    """Import checked files in one transaction and write the translated
    pages (drafts unless ``publish``). Returns the warnings per file."""
    warnings = {}
    with transaction.atomic():
        for item in parsed:
            warnings[item.name] = item.translation.import_po(item.po, user=user)
    # Each target is written in its own transaction, parents first, as
    # wagtail-localize expects.
    for item in sorted(parsed, key=lambda p: _depth(p.translation)):
        with transaction.atomic():
            item.translation.source.create_or_update_translation(
                item.translation.target_locale,
                user=user,
                publish=publish or not _is_page(item.translation),
                fallback=True,
                copy_parent_pages=True,
            )
    return warnings


def _is_page(translation) -> bool:
    return issubclass(translation.source.specific_content_type.model_class(), Page)


def _depth(translation) -> int:
    if not _is_page(translation):
        return 0
    page = Page.objects.filter(translation_key=translation.source.object_id).first()
    return page.depth if page else 0
