from urllib.parse import urlencode

from django import template

register = template.Library()


def _query(params, **changes) -> str:
    pairs = [("q", params.q)]
    filters = {facet: list(values) for facet, values in params.filters.items()}
    toggle = changes.pop("toggle", None)
    if toggle:
        facet, value = toggle
        values = filters.setdefault(facet, [])
        if value in values:
            values.remove(value)
        else:
            values.append(value)
    for facet, values in filters.items():
        pairs.extend((facet, value) for value in values)
    sort = changes.get("sort", params.sort)
    if sort != "relevance":
        pairs.append(("sort", sort))
    page = changes.get("page", 1)
    if page and page != 1:
        pairs.append(("page", page))
    return "?" + urlencode(pairs)


@register.simple_tag
def facet_url(params, facet, value):
    """The search with ``value`` of ``facet`` switched on or off; back to page 1."""
    return _query(params, toggle=(facet, str(value)))


@register.simple_tag
def query_url(params, text):
    """A new search for ``text`` with the same filters."""
    from copy import copy

    other = copy(params)
    other.q = text
    return _query(other)
