"""Snippets with the matched words in <mark>, safe to put in HTML.

Everything outside the <mark> tags is escaped: the text comes from editors
and from PDFs, and the terms from the visitor. A term also matches longer
words that share its stem-like prefix ("Förderungen" marks "Förderung"), so
the snippet agrees with stemming backends without knowing their rules.

Engine highlighters (Elasticsearch / OpenSearch) return text with the
sentinel markers below; ``markers_to_html`` turns them into the same safe
HTML.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

OPEN = "\x02"
CLOSE = "\x03"
WINDOW = 220
MAX_TEXT = 200_000


@dataclass
class Snippet:
    html: SafeString
    source: str = "page"  # "page" or "document"
    document_page: int | None = None


def stem_of(term: str) -> str:
    """A prefix that inflected forms share: 'Förderungen' -> 'Förderun'."""
    if len(term) <= 5:
        return term
    return term[: len(term) - (2 if len(term) <= 8 else 3)]


def term_pattern(terms: list[str], stems: bool = True) -> re.Pattern | None:
    parts = []
    for term in terms:
        term = term.strip()
        if not term:
            continue
        parts.append(re.escape(stem_of(term) if stems else term) + r"\w*")
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


def clean(text) -> str:
    text = strip_tags(str(text or ""))[:MAX_TEXT]
    return re.sub(r"\s+", " ", text).strip()


# A line that is only a page number ("3", "- 3 -", "3 / 12"): the running
# footer or header of a PDF page, not part of its text.
PAGE_NUMBER_LINE = re.compile(r"^\W*\d{1,4}(?:\s*/\s*\d{1,4})?\W*$")


def without_page_numbers(text) -> str:
    """A PDF's text without the page numbers that head or end its pages
    (pages are separated by blank lines in the whole text)."""
    pages = []
    for page in str(text or "").split("\n\n"):
        lines = page.strip().splitlines()
        while lines and PAGE_NUMBER_LINE.match(lines[-1].strip()):
            lines.pop()
        while lines and PAGE_NUMBER_LINE.match(lines[0].strip()):
            lines.pop(0)
        pages.append("\n".join(lines))
    return "\n\n".join(pages)


def markers_to_html(text: str) -> SafeString:
    out = []
    for i, part in enumerate(re.split(f"[{OPEN}{CLOSE}]", text)):
        out.append(f"<mark>{escape(part)}</mark>" if i % 2 else escape(part))
    return mark_safe("".join(out))  # noqa: S308 - every part is escaped above


def _window(text: str, start: int, end: int) -> tuple[str, bool, bool]:
    half = max(0, (WINDOW - (end - start)) // 2)
    left, right = max(0, start - half), min(len(text), end + half)
    if left > 0:
        space = text.find(" ", left)
        left = space + 1 if 0 <= space < start else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    return text[left:right], left > 0, right < len(text)


def highlight_text(text: str, pattern: re.Pattern) -> SafeString | None:
    """The window around the first match, matches marked; None if none."""
    match = pattern.search(text)
    if not match:
        return None
    window, cut_left, cut_right = _window(text, match.start(), match.end())
    marked = pattern.sub(lambda m: f"{OPEN}{m.group(0)}{CLOSE}", window)
    html = markers_to_html(marked)
    # html is escaped by markers_to_html; the ellipses are constants.
    return mark_safe(("… " if cut_left else "") + html + (" …" if cut_right else ""))  # noqa: S308


def plain(text: str) -> SafeString:
    text = clean(text)
    if len(text) > WINDOW:
        text = text[:WINDOW].rsplit(" ", 1)[0] + " …"
    return escape(text)


def build_snippet(terms: list[str], page_text: str, document=None) -> Snippet:
    """Prefer a match in the page's own text, then in the attached document
    (with its page number when the text per page is known), else the start
    of the page text. Whole terms are looked for first, then their stems."""
    page_text = clean(page_text)
    for stems in (False, True):
        pattern = term_pattern(terms, stems=stems)
        if pattern is None:
            break
        html = highlight_text(page_text, pattern)
        if html is not None:
            return Snippet(html)
        if document is None:
            continue
        for number, text in enumerate(getattr(document, "page_texts", None) or [], start=1):
            html = highlight_text(clean(without_page_numbers(text)), pattern)
            if html is not None:
                return Snippet(html, "document", number)
        whole = without_page_numbers(getattr(document, "text", ""))
        html = highlight_text(clean(whole), pattern)
        if html is not None:
            return Snippet(html, "document")
    return Snippet(plain(page_text))
