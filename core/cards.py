"""Cards of pages of mixed types, in two queries whatever the types.

A card shows a page's title, link and summary. ``summary`` is a field of
each page type's own table (``core.models.BasePage`` is abstract), so
``.specific()`` would cost one query per type shown. ``card_pages`` loads the
plain pages and adds their summaries with one UNION over the types present.
"""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist


def card_pages(pages) -> list:
    """``pages`` (plain ``Page`` objects, or a queryset of them) as a list,
    each with ``summary`` set ("" for a type without one)."""
    pages = list(pages)
    by_model = defaultdict(list)
    for page in pages:
        by_model[page.specific_class].append(page.pk)
    parts = []
    for model, pks in by_model.items():
        try:
            model._meta.get_field("summary")
        except (FieldDoesNotExist, AttributeError):
            continue
        parts.append(model.objects.filter(pk__in=pks).order_by().values_list("pk", "summary"))
    summaries = dict(parts[0].union(*parts[1:], all=True)) if parts else {}
    for page in pages:
        page.summary = summaries.get(page.pk, "")
    return pages
