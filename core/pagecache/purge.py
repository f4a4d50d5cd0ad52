"""What a change purges, and the receivers that purge it after the commit.

A page published, unpublished, moved or deleted purges:
- the page itself, in every locale (the language switcher and hreflang links
  of each translation name the others);
- its subtree (URLs and breadcrumbs below it) and its parent (old and new
  parent for a move);
- every page that lists pages of its language (``locale:<lang>``: listings,
  home pages, partner profiles, paths, feeds) and the sitemap;
- the pages that link it and the pages it links: Wagtail's reference index,
  plus many-to-many fields (the reference index does not record those);
- every page of its language when it is in the header menu (depth 3 or less).

A snippet, image or document saved or deleted purges the pages that use it
(reference index and many-to-many fields, following a snippet used by a
snippet one step further), and the listings of their languages; a snippet
also purges the listings of its own language (filter forms name every term).
A view restriction purges its page as if it were unpublished.

The tags are worked out when the change happens (a deleted page's links are
gone after the delete); they are purged once the transaction commits, and the
same pages are purged from a frontend cache when ``WAGTAILFRONTENDCACHE`` is set.
"""

import functools
import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import (
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    TranslatableMixin,
)
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.pagecache import store

logger = logging.getLogger(__name__)

MENU_DEPTH = 3  # root 1, home pages 2, the menu's pages 3
MAX_HOPS = 2


def locale_ids() -> list[int]:
    return list(Locale.objects.values_list("pk", flat=True))


# -- links between objects --------------------------------------------------


def _page_content_type_id() -> int:
    return ReferenceIndex._get_base_content_type(Page).id


@functools.cache
def _m2m_fields():
    """Every forward many-to-many field of every page model."""
    fields = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if field.many_to_many and not field.auto_created and field.model is model:
                fields.append((model, field))
    return fields


def pages_linking(obj) -> set[int]:
    """Pages that link ``obj``: through the reference index (following a
    non-page object that links it one step further) or a many-to-many field."""
    page_ct = _page_content_type_id()
    found: set[int] = set()
    for model, field in _m2m_fields():
        if isinstance(obj, field.related_model):
            found.update(model.objects.filter(**{field.name: obj.pk}).values_list("pk", flat=True))
    targets = [(ReferenceIndex._get_base_content_type(obj).id, str(obj.pk))]
    seen = set(targets)
    for _hop in range(MAX_HOPS):
        following = []
        for content_type_id, object_id in targets:
            rows = (
                ReferenceIndex.objects.filter(
                    to_content_type_id=content_type_id, to_object_id=object_id
                )
                .values_list("base_content_type_id", "object_id")
                .distinct()
            )
            for base_ct, source_id in rows:
                if base_ct == page_ct:
                    found.add(int(source_id))
                elif (base_ct, source_id) not in seen:
                    seen.add((base_ct, source_id))
                    following.append((base_ct, source_id))
        targets = following
    return found


def pages_linked_from(page) -> set[int]:
    """Pages that ``page`` links (a path names its modules, a paper its
    partners): they may show it."""
    found = {
        int(pk)
        for pk in ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type_id=_page_content_type_id())
        .values_list("to_object_id", flat=True)
    }
    specific = page.specific_deferred
    for field in specific._meta.get_fields():
        if (
            field.many_to_many
            and not field.auto_created
            and isinstance(field.related_model, type)
            and issubclass(field.related_model, Page)
        ):
            found.update(getattr(specific, field.name).values_list("pk", flat=True))
    return found


# -- what a change purges ---------------------------------------------------


def page_change_tags(page, *, old_parent=None) -> set[str]:
    locale = page.locale_id
    tags = {f"page:{page.pk}", f"tree:{page.path}", f"locale:{locale}", "sitemap"}
    old_depth = old_parent.depth + 1 if old_parent is not None else page.depth
    if min(page.depth, old_depth) <= MENU_DEPTH:
        tags.add(f"chrome:{locale}")
    parent_path = page.path[: -Page.steplen]
    tags.update(
        f"page:{pk}" for pk in Page.objects.filter(path=parent_path).values_list("pk", flat=True)
    )
    if old_parent is not None:
        tags.add(f"page:{old_parent.pk}")
    tags.update(
        f"page:{pk}"
        for pk in Page.objects.filter(translation_key=page.translation_key).values_list(
            "pk", flat=True
        )
    )
    tags.update(f"page:{pk}" for pk in pages_linking(page) | pages_linked_from(page))
    return tags


def object_change_tags(obj) -> set[str]:
    linked = pages_linking(obj)
    tags = {f"page:{pk}" for pk in linked}
    locales = set(Page.objects.filter(pk__in=linked).values_list("locale_id", flat=True).distinct())
    if _is_snippet(obj):
        if isinstance(obj, TranslatableMixin):
            locales.add(obj.locale_id)
        else:
            locales.update(locale_ids())
    tags.update(f"locale:{locale}" for locale in locales)
    return tags


def _is_snippet(obj) -> bool:
    from wagtail.snippets.models import get_snippet_models

    return type(obj) in get_snippet_models()


# -- purging --------------------------------------------------------------------


def frontend_batch(tags):
    """The frontend cache's purge of the same pages, worked out now (a
    deleted page has no URL after the commit)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return None
    from django.contrib.contenttypes.models import ContentType
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from core.pagecache.rules import detail_page_models

    details = ContentType.objects.get_for_models(*detail_page_models()).values()

    batch = PurgeBatch()
    live = Page.objects.live()
    if "all" in tags:
        batch.add_pages(live)
    ids = {int(tag.split(":")[1]) for tag in tags if tag.startswith("page:")}
    batch.add_pages(live.filter(pk__in=ids))
    for tag in tags:
        kind, _sep, value = tag.partition(":")
        if kind == "tree":
            batch.add_pages(live.filter(path__startswith=value))
        elif kind == "chrome":
            batch.add_pages(live.filter(locale_id=value))
        elif kind == "locale":
            listing = live.filter(locale_id=value)
            listing = listing.exclude(content_type__in=details)
            batch.add_pages(listing)
            site = Site.objects.filter(is_default_site=True).first()
            code = Locale.objects.filter(pk=value).values_list("language_code", flat=True)
            if site is not None and code:
                batch.add_url(f"{site.root_url}/{code[0]}/feeds/")
    if "sitemap" in tags or "all" in tags:
        from core.sitemaps import sitemap_urls

        batch.add_urls(sitemap_urls())
    return batch


def purge_on_commit(tags) -> None:
    tags = set(tags)
    batch = frontend_batch(tags)

    def purge():
        store.bump(tags)
        if batch is not None:
            try:
                batch.purge()
            except Exception:
                logger.exception("Frontend cache purge failed")

    transaction.on_commit(purge)


def purge_everything_on_commit() -> None:
    """For writes that send no signals (bulk imports): purge every page
    once the transaction commits."""
    if _enabled():
        purge_on_commit({"all"})


def _enabled() -> bool:
    from core import bulkload

    if bulkload.active():
        return False  # a bulk load purges everything once when it ends
    return getattr(settings, "PAGE_CACHE_ENABLED", False) or bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


# -- receivers --------------------------------------------------------------


def on_page_published(sender, instance, **kwargs):
    if _enabled():
        purge_on_commit(page_change_tags(instance))


def on_page_moving(sender, instance, parent_page_before=None, **kwargs):
    """Before the move: the old URLs (old tree path, old parent, old menu)."""
    if _enabled():
        purge_on_commit(page_change_tags(instance))


def on_page_moved(sender, instance, parent_page_before=None, **kwargs):
    if _enabled():
        purge_on_commit(page_change_tags(instance, old_parent=parent_page_before))


def on_page_deleted(sender, instance, **kwargs):
    # Sent for the Page row of every deleted page (and again for its specific
    # row, which adds nothing).
    if _enabled() and type(instance) is Page and instance.live:
        purge_on_commit(page_change_tags(instance))


def on_object_changed(sender, instance, **kwargs):
    if not _enabled():
        return
    if isinstance(instance, Page):
        # Publishing is handled above; a page created live without being
        # published (a copy that keeps its live status) is purged here.
        if kwargs.get("created") and instance.live:
            purge_on_commit(page_change_tags(instance))
        return
    if isinstance(instance, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            purge_on_commit(page_change_tags(page))
        return
    label = instance._meta.label_lower
    if label in PURGE_ALL:
        purge_on_commit({"all"})
        return
    if getattr(instance, "purges_listings", False):
        purge_on_commit({f"locale:{locale}" for locale in locale_ids()})
        return
    if _watched(type(instance)):
        tags = object_change_tags(instance)
        if tags:
            purge_on_commit(tags)


# Whatever every page may show (site records, languages). Models the home
# pages list besides pages (the social feed) say ``purges_listings = True``.
PURGE_ALL = {"wagtailcore.site", "wagtailcore.locale"}
_WATCHED: dict = {}


def _watched(model) -> bool:
    """Snippets, images, documents and whatever page models link by
    many-to-many (taxonomy terms, skills)."""
    if model not in _WATCHED:
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        m2m_targets = {field.related_model for _model, field in _m2m_fields()}
        _WATCHED[model] = (
            _is_snippet_model(model)
            or issubclass(model, (get_document_model(), get_image_model()))
            or any(issubclass(model, target) for target in m2m_targets if isinstance(target, type))
        )
    return _WATCHED[model]


def _is_snippet_model(model) -> bool:
    from wagtail.snippets.models import get_snippet_models

    return model in get_snippet_models()


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_published, dispatch_uid="pagecache_unpublished")
    pre_page_move.connect(on_page_moving, dispatch_uid="pagecache_moving")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="pagecache_page_deleted")
    post_save.connect(on_object_changed, dispatch_uid="pagecache_saved")
    post_delete.connect(on_object_changed, dispatch_uid="pagecache_deleted")
