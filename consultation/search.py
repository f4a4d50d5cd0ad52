"""Consultations in site search.

- Their text (title, introduction, questions, summary, "what changed") is
  indexed with the document they belong to: ``page_text`` is registered
  under knowledgebase's ``SEARCH_TEXT_HOOK`` and read when Wagtail indexes a
  guideline or paper, so a reader searching for a consultation's words finds
  the document.
- Saving or deleting a consultation (any language version) reindexes every
  language version of its document, after the transaction commits.
- ``preloaded(pages)``: while a chunk of pages is indexed, their text
  comes from one query (``knowledgebase.models.base.SEARCH_TEXT_BATCH_HOOK``) rather than
  one per page and per read (a full reindex read it 2 × 22,000 times at
  100,000 pages: the default cache keeps only 300 entries).
- ``badges(pages)``: for search results, whether each document has an open,
  upcoming or closed consultation, in one query for the whole result page.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from consultation.models import Consultation


def _newest(rows, language=None, locale_id=None):
    """Of the consultations on one document (newest first), the newest one,
    in the wanted language if it is translated (as the page shows it)."""
    if not rows:
        return None
    key = rows[0].translation_key
    versions = [row for row in rows if row.translation_key == key]
    for row in versions:
        if row.locale_id == locale_id or (language and row.locale.language_code == language):
            return row
    return versions[0]


CACHE_SECONDS = 24 * 60 * 60


def _cache_key(translation_key, locale_id) -> str:
    return f"consultation:search-text:{translation_key}:{locale_id}"


# While pages are indexed: {translation_key: consultations, newest first}.
_PRELOADED: ContextVar[dict | None] = ContextVar("consultation_texts", default=None)


@contextmanager
def preloaded(pages):
    """Within the block, ``page_text`` of these pages reads the
    consultations read here, in one query, for all of them."""
    keys = {getattr(page, "translation_key", None) for page in pages} - {None}
    by_key = {key: [] for key in keys}
    rows = (
        Consultation.objects.filter(page__translation_key__in=keys)
        .annotate(page_key=F("page__translation_key"))
        .order_by("-opens_on", "pk")
    )
    for row in rows if keys else ():
        by_key[row.page_key].append(row)
    outer = _PRELOADED.get()
    token = _PRELOADED.set({**(outer or {}), **by_key})
    try:
        yield
    finally:
        _PRELOADED.reset(token)


def page_text(page) -> str:
    """The consultation's text for ``page``'s index entry. Site search also
    reads it for each result's snippet, so it is kept in Django's cache
    (cleared when a consultation changes): a warm result page spends no
    query on it."""
    batch = _PRELOADED.get()
    if batch is not None and page.translation_key in batch:
        return _text(_newest(batch[page.translation_key], locale_id=page.locale_id))
    key = _cache_key(page.translation_key, page.locale_id)
    text = cache.get(key)
    if text is None:
        text = _read_text(page)
        cache.set(key, text, CACHE_SECONDS)
    return text


def _read_text(page) -> str:
    rows = list(
        Consultation.objects.filter(page__translation_key=page.translation_key).order_by(
            "-opens_on", "pk"
        )
    )
    return _text(_newest(rows, locale_id=page.locale_id))


def _text(consultation) -> str:
    if consultation is None:
        return ""
    parts = [consultation.title, consultation.introduction]
    parts += [text for _id, text in consultation.question_list()]
    for rich in (consultation.summary, consultation.what_changed):
        if rich:
            parts.append(get_text_for_indexing(rich))
    return "\n".join(part for part in parts if part)


def reindex_document(page_id) -> None:
    """Forget the cached text and reindex every language version of the
    document."""
    key = Page.objects.filter(pk=page_id).values("translation_key")
    pages = list(Page.objects.filter(translation_key__in=key).specific())
    cache.delete_many([_cache_key(page.translation_key, page.locale_id) for page in pages])
    for page in pages:
        index.insert_or_update_object(page)


def on_consultation_changed(sender, instance, raw=False, **kwargs):
    if raw or not instance.page_id:
        return
    page_id = instance.page_id
    transaction.on_commit(lambda: reindex_document(page_id))


def badges(pages, today=None) -> dict[int, dict]:
    """{page id: {"state", "opens_on", "closes_on"}} for those of ``pages``
    that carry a consultation, in the active language. One query."""
    today = today or timezone.localdate()
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    by_key: dict = {}
    rows = (
        Consultation.objects.filter(page__translation_key__in=keys)
        .select_related("locale")
        .annotate(page_key=F("page__translation_key"))
        .order_by("-opens_on", "pk")
    )
    for row in rows:
        by_key.setdefault(row.page_key, []).append(row)
    language = get_language()
    found = {}
    for page in pages:
        consultation = _newest(by_key.get(page.translation_key, []), language=language)
        if consultation is not None:
            found[page.pk] = {
                "state": consultation.state(today),
                "opens_on": consultation.opens_on,
                "closes_on": consultation.closes_on,
            }
    return found
