"""The plain text of a page, for snippets and for the per-language field of
the Elasticsearch / OpenSearch documents."""

import logging

from wagtail.search import index

from .highlight import clean

logger = logging.getLogger("search")


def page_text(page) -> str:
    """The page's own searchable text, without the title."""
    parts = []
    for search_field in page.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            try:
                value = search_field.get_value(page)
            except Exception:  # a field that cannot render is just skipped
                logger.debug("no text from %s", search_field.field_name, exc_info=True)
                continue
            parts.extend(flatten(value))
    return " ".join(parts)


def flatten(value) -> list[str]:
    """The strings in a search field's value: a StreamField or a tag list
    gives a list (perhaps of lists), which must never reach a snippet as
    its Python form ``['…']``."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple, set)):
        return [text for item in value for text in flatten(item)]
    return [str(value)]


def full_text(obj) -> str:
    """Title, page text and the attached document's text."""
    parts = [getattr(obj, "title", "") or "", page_text(obj)]
    document = getattr(obj, "document", None)
    if document is not None:
        parts.append(getattr(document, "text", "") or "")
    return clean(" ".join(parts))
