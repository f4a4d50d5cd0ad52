"""Which tags a cached response depends on.

- ``all``: everything (site settings, a lost purge, ``manage.py purge_page_cache``);
- ``chrome:<lang>``: every page of a language (its menu and home link);
- ``page:<id>``: the page itself;
- ``tree:<id>``: a page and everything below it (their URLs and breadcrumbs);
- ``locale:<lang>``: pages that list other pages of that language (listings,
  home pages, partner profiles, paths, feeds);
- ``sitemap``: the sitemap index and its pages.
"""

from django.utils import translation

# Page types that show only themselves, their translations, their ancestors
# and what they link (the reference index knows those links). Every other
# type, including any added later, is treated as a listing: it is purged by
# any publication in its language.
DETAIL_PAGE_TYPES = {
    "knowledgebase.policypaperpage",
    "knowledgebase.guidelinepage",
    "knowledgebase.casestorypage",
    "knowledgebase.newspage",
    "knowledgebase.eventpage",
    "learning.learningmodulepage",
    "home.contentpage",
    "partners.exchangepage",
}


def is_detail_page(page) -> bool:
    return page._meta.label_lower in DETAIL_PAGE_TYPES


def page_tags(page) -> set[str]:
    code = page.locale.language_code
    tags = {"all", f"chrome:{code}", f"page:{page.pk}"}
    tags.update(
        f"tree:{pk}" for pk in page.get_ancestors(inclusive=True).values_list("pk", flat=True)
    )
    if not is_detail_page(page):
        tags.add(f"locale:{code}")
    return tags


def listing_tags(code: str | None = None) -> set[str]:
    """A view that lists pages of the active language (feeds)."""
    code = code or translation.get_language()
    return {"all", f"chrome:{code}", f"locale:{code}"}


def sitemap_tags() -> set[str]:
    return {"all", "sitemap"}
