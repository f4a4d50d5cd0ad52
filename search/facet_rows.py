"""Writing ``PageFacet`` rows when pages are indexed.

``FacetRowsMixin`` goes on each backend's index class: after the backend
indexes a chunk of pages, their facet rows are replaced with what
``search.facets.collect_facts`` reads from the models now (a few queries per
chunk and locale, never per page). A partner page being indexed also
refreshes the pages of its section and the pages that name it, since their
partner and country facets come from it. Publishing a page writes its rows
once more, after its many-to-many links are saved.

The pages indexed also get their ``PageCard`` rewritten: their own text,
picture and document, which a page of search results shows without loading
each page as its own type.

Another app's search text (a callable search field that reads the database
for one page) would cost a query per page and per read, twice for each page
indexed (its vectors, then its card). Such an app registers a hook under
``SEARCH_TEXT_BATCH_HOOK`` (knowledgebase/models/base.py): called with a
chunk of objects about to be indexed, it returns a context manager within
which their text comes from one query.
"""

from collections import defaultdict
from contextlib import ExitStack

from django.apps import apps
from django.db import router, transaction
from django.db.models import ManyToManyField
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core import bulkload
from core.cards import picture_id

from .facets import FACETS, collect_facts, model_field, partner_model
from .highlight import MAX_TEXT, clean
from .models import PageCard, PageFacet
from .text import page_text


def index_batch(objs) -> ExitStack:
    """Every ``SEARCH_TEXT_BATCH_HOOK``'s context manager for ``objs``, entered."""
    # Imported here: the search backends, which import this module, load
    # before the apps' models.
    from knowledgebase.models.base import SEARCH_TEXT_BATCH_HOOK

    stack = ExitStack()
    with stack:
        for hook in hooks.get_hooks(SEARCH_TEXT_BATCH_HOOK):
            stack.enter_context(hook(objs))
        return stack.pop_all()


def rows_for(facts) -> list[PageFacet]:
    rows = []
    for facet in FACETS:
        for value in sorted(facts.values(facet)):
            rows.append(PageFacet(page_id=facts.pk, facet=facet, value=str(value)[:64]))
    if facts.date:
        rows.append(PageFacet(page_id=facts.pk, facet="date", value=facts.date.isoformat()))
    return rows


def page_facts(pages) -> dict:
    """The facts of ``pages`` (Page instances, any type), by page id."""
    by_locale = defaultdict(list)
    for page in pages:
        by_locale[page.locale_id].append((page.pk, page.content_type_id, page.path))
    facts = {}
    for locale_id, hits in by_locale.items():
        facts.update(collect_facts(hits, Locale(pk=locale_id)))
    return facts


def index_row_facets(facts) -> list[str]:
    """A page's facets as its index row keeps them (``facet:value``; its
    date is only sorted on, never counted)."""
    return [f"{row.facet}:{row.value}" for row in rows_for(facts) if row.facet != "date"]


def refresh_pages(pages, facts=None, index_rows=True) -> None:
    """Rewrite the facet rows of ``pages`` (Page instances, any type) from
    ``facts`` (read now when not given) and, with ``index_rows``, the
    facets their index rows keep, where the backend keeps them there."""
    facts = page_facts(pages) if facts is None else facts
    rows = [row for item in facts.values() for row in rows_for(item)]
    with transaction.atomic():
        replace(PageFacet.objects.filter(page_id__in=[page.pk for page in pages]))
        PageFacet.objects.bulk_create(rows, batch_size=2000)
        if index_rows:
            write = getattr(get_search_backend(), "write_index_row_facets", None)
            if write is not None:
                write(facts)


def replace(rows) -> None:
    """Delete ``rows`` (facet rows or cards about to be written again) in
    one ``DELETE``. ``QuerySet.delete()`` first loads every row as an
    instance, because ``post_delete`` has receivers (the page cache's and
    the chrome's); neither concerns these models, and nothing refers to
    them. A chunk of 1,000 pages has ~4,500 facet rows."""
    rows._raw_delete(router.db_for_write(rows.model))


def card_for(page) -> PageCard | None:
    """The search card of ``page``, a page of its own type (``None`` for a
    plain ``Page`` standing in for another type: its fields are not there)."""
    if page.specific_class is not None and type(page) is not page.specific_class:
        return None
    return PageCard(
        page_id=page.pk,
        text=clean(page_text(page))[:MAX_TEXT],
        image_id=picture_id(page),
        document_id=getattr(page, "document_id", None),
    )


def refresh_cards(pages) -> None:
    """Rewrite the search cards of ``pages`` (their text, picture and
    document), as they are now."""
    cards = [card for card in map(card_for, pages) if card is not None]
    if not cards:
        return
    with transaction.atomic():
        replace(PageCard.objects.filter(page_id__in=[card.page_id for card in cards]))
        PageCard.objects.bulk_create(cards, batch_size=500)


def dependants(partners) -> list[Page]:
    """Pages whose partner or country facets come from these partner pages:
    the pages of their sections and the pages that name them."""
    fields = ("pk", "locale_id", "content_type_id", "path")
    found = {}
    for partner in partners:
        for page in Page.objects.descendant_of(partner).only(*fields):
            found[page.pk] = page
    ids = [partner.pk for partner in partners]
    for model in apps.get_models():
        if issubclass(model, Page) and isinstance(model_field(model, "partners"), ManyToManyField):
            for page in model.objects.filter(partners__in=ids).only(*fields):
                found[page.pk] = page
    return [page for pk, page in found.items() if pk not in ids]


def indexed_pages(model, objs) -> list[Page]:
    if not issubclass(model, Page):
        return []
    return [obj for obj in objs if isinstance(obj, Page) and obj.pk]


def refresh_for(model, objs, facts=None) -> None:
    """Facet rows and cards of ``objs``, and of the pages that take facets
    from them. ``facts`` given: the index rows were written with them."""
    pages = indexed_pages(model, objs)
    if not pages:
        return
    refresh_pages(pages, facts, index_rows=facts is None)
    refresh_cards(pages)
    partner_cls = partner_model()
    if partner_cls is not None and issubclass(model, partner_cls):
        others = dependants(pages)
        if others:
            refresh_pages(others)


def on_page_published(sender, instance, **kwargs):
    """Publishing saves the page, which reindexes it, *before* its
    many-to-many links (themes, sectors, partners) are written; so the rows
    are written again once the page is published. A bulk load writes them
    once, through ``update_index``, when it ends."""
    if bulkload.active():
        return
    refresh_for(type(instance), [instance])


class FacetRowsMixin:
    """For a backend's index class: keep facet rows with the index. The
    pages' facts are read before their index rows are written, so an index
    row can keep them too (``add_index_rows``)."""

    def add_items(self, model, objs):
        with index_batch(objs):
            facts = page_facts(indexed_pages(model, objs))
            self.add_index_rows(model, objs, facts)
            refresh_for(model, objs, facts)

    def add_index_rows(self, model, objs, facts):
        super().add_items(model, objs)


class FacetRowsItemMixin(FacetRowsMixin):
    """For index classes whose ``add_item`` does not go through
    ``add_items`` (Elasticsearch, OpenSearch)."""

    def add_item(self, item):
        super().add_item(item)
        refresh_for(type(item), [item])
