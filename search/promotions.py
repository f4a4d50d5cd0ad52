"""Editors' promoted results (wagtail.contrib.search_promotions), in the
language being searched: a promotion made on an English page shows that
page's translation in the other locales."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.chrome import remembered

PART = "promotions"


def promoted_texts() -> frozenset[str]:
    """The (normalised) query strings that have a promoted page: few, and
    most searches are not among them, so they need no query of their own.
    Kept until a promotion is saved or deleted (``apps.py``)."""
    return remembered(None, "promoted-texts", _promoted_texts, part=PART)


def _promoted_texts() -> frozenset[str]:
    rows = SearchPromotion.objects.filter(page__isnull=False).values_list("query__query_string")
    return frozenset(text for (text,) in rows)


def promoted_pages(query: str, locale) -> list[Page]:
    text = normalise_query_string(query)
    if not text or text not in promoted_texts():
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=text, page__isnull=False)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = [promotion.page.translation_key for promotion in promotions]
    if not keys:
        return []
    pages = Page.objects.live().public().filter(locale=locale, translation_key__in=keys)
    by_key = {page.translation_key: page for page in pages}
    seen, out = set(), []
    for key in keys:
        if key in by_key and key not in seen:
            seen.add(key)
            out.append(by_key[key])
    return out
