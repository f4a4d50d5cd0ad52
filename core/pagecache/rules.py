"""Which tags a cached response depends on.

- ``all``: everything (site settings, a lost purge, ``manage.py purge_page_cache``);
- ``chrome:<locale id>``: every page of a language (its menu and home link);
- ``page:<id>``: the page itself;
- ``tree:<tree path>``: a page and everything below it (their URLs and
  breadcrumbs), by the page's ``path`` in Wagtail's tree;
- ``locale:<locale id>``: pages that list other pages of that language
  (listings, home pages, partner profiles, paths, feeds);
- ``sitemap``: the sitemap index and its pages.
"""

# Page types that show only themselves, their translations, their ancestors
# and what they link (the reference index knows those links) say so with a
# class attribute, ``cached_as_detail = True``. Every other type, including
# any added later, is treated as a listing: it is purged by any publication
# in its language.


def is_detail_page(page) -> bool:
    return getattr(type(page), "cached_as_detail", False)


def detail_page_models() -> list:
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if getattr(model, "cached_as_detail", False)]


def tree_tags(path: str, steplen: int) -> set[str]:
    """The page at ``path`` and each of its ancestors (their paths are the
    prefixes of its path): no database query."""
    return {f"tree:{path[:end]}" for end in range(steplen, len(path) + 1, steplen)}


def page_tags(page) -> set[str]:
    locale = page.locale_id
    tags = {"all", f"chrome:{locale}", f"page:{page.pk}"}
    tags |= tree_tags(page.path, page.steplen)
    if not is_detail_page(page):
        tags.add(f"locale:{locale}")
    return tags


def listing_tags(request) -> set[str]:
    """A view that lists pages of the active language (feeds)."""
    from core.site_roots import active_locale

    locale = active_locale(request).pk
    return {"all", f"chrome:{locale}", f"locale:{locale}"}


def sitemap_tags() -> set[str]:
    return {"all", "sitemap"}
