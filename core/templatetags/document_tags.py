"""What a link to a document tells the reader: the file type, size, pages and,
when the file is in another language than the page, which one.

    {% load document_tags %}
    {% document_info document as info %}
    <a href="{{ document.url }}" hreflang="{{ info.hreflang }}">...</a> ({{ info.meta }})

(``templates/includes/document_download.html`` is the whole link.)
"""

from dataclasses import dataclass

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.languages import BY_CODE

register = template.Library()


def primary(code: str) -> str:
    return (code or "").split("-")[0].split("_")[0].lower()


@dataclass
class DocumentInfo:
    hreflang: str  # the file's language when it differs from the page's, else ""
    language_note: str  # "in English", or ""
    meta: str  # "PDF, in English, 12 KB, 4 pages"


def language_note(document, page_language: str) -> tuple[str, str]:
    code = getattr(document, "content_language", "") or ""
    if not code or primary(code) == primary(page_language):
        return "", ""
    language = BY_CODE.get(primary(code))
    if language is not None:  # a site language: its own phrase ("auf Englisch")
        return code, _(language.in_language)
    name = document.language_name()  # another: "language: Portuguese"
    if not name:
        return code, ""
    return code, _("language: %(language)s") % {"language": name}


def document_info_for(document, page_language: str | None = None) -> DocumentInfo | None:
    if document is None:
        return None
    hreflang, note = language_note(document, page_language or get_language() or "")
    parts = []
    extension = (document.file_extension or "").upper()
    if extension:
        parts.append(extension)
    if note:
        parts.append(note)
    size = document.file_size
    if size:
        parts.append(str(filesizeformat(size)))
    pages = getattr(document, "page_count", None)
    if pages and extension == "PDF":
        # The msgid of the templates' former {% blocktranslate count counter=… %}.
        parts.append(ngettext("%(counter)s page", "%(counter)s pages", pages) % {"counter": pages})
    return DocumentInfo(hreflang=hreflang, language_note=note, meta=", ".join(parts))


@register.simple_tag
def document_info(document):
    """A ``DocumentInfo`` for ``document`` as seen from the active language,
    which is the page's (pages are served under their language's prefix)."""
    return document_info_for(document)
