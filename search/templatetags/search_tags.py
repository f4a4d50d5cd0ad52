from html import escape
from urllib.parse import quote_plus, urlencode

from django import template
from django.conf import settings
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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


def facet_urls(params, facet, values) -> list[str]:
    """``facet_url`` of each of ``values``: the same URLs, with what they
    share (the words, the other facets) encoded once."""
    parts = {
        name: [(value, f"{quote_plus(name)}={quote_plus(value)}") for value in chosen]
        for name, chosen in params.filters.items()
    }
    own = parts.setdefault(facet, [])  # a facet not chosen yet comes last
    head = f"q={quote_plus(params.q)}"
    tail = f"sort={quote_plus(params.sort)}" if params.sort != "relevance" else ""
    urls = []
    for value in map(str, values):
        if any(chosen == value for chosen, _pair in own):
            toggled = [pair for chosen, pair in own if chosen != value]
        else:
            toggled = [pair for _chosen, pair in own] + [f"{quote_plus(facet)}={quote_plus(value)}"]
        pieces = [head]
        for name, pairs in parts.items():
            pieces += toggled if name == facet else [pair for _chosen, pair in pairs]
        urls.append("?" + "&".join(pieces + ([tail] if tail else [])))
    return urls


@register.simple_tag
def query_url(params, text):
    """A new search for ``text`` with the same filters."""
    from copy import copy

    other = copy(params)
    other.q = text
    return _query(other)


def number(value) -> str:
    """An integer as ``{{ value }}`` shows it: ``localize`` groups digits
    only with ``USE_THOUSAND_SEPARATOR``, else it is ``str``."""
    return localize(value) if settings.USE_THOUSAND_SEPARATOR else str(value)


@register.simple_tag
def facet_options(params, facet, options):
    """The links of one facet's options, each switching it on or off: made
    here, with the standard library's escaping, rather than in the
    template, which spent a third of a broad search's rendering on its
    thirty-odd links."""
    hidden = ""
    if any(option["selected"] for option in options):
        label = gettext("Remove filter:")  # not inside the f-string: xgettext skips those
        hidden = f'<span class="visually-hidden">{escape(label)} </span>'
    facet_attr = escape(facet)
    links = []
    urls = facet_urls(params, facet, [option["value"] for option in options])
    for option, url in zip(options, urls, strict=True):
        selected = option["selected"]
        state = ' is-selected"' if selected else '"'
        current = ' aria-current="true"' if selected else ""
        links.append(
            f'<li><a href="{escape(url)}" data-facet="{facet_attr}" '
            f'class="search-facet__option{state}{current}>{hidden if selected else ""}'
            f"{escape(str(option['label']))} "
            f'<span class="search-facet__count">({escape(number(option["count"]))})</span></a></li>'
        )
    return mark_safe("\n".join(links))  # noqa: S308 - every value escaped above
