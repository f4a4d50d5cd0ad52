"""The facet links a search page offers, made in Python (``facet_options``):
the same URLs as ``facet_url`` for any words and filters, and every value
escaped."""

from html.parser import HTMLParser
from urllib.parse import parse_qsl

from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from search.facets import FACETS
from search.query import SearchParams
from search.templatetags.search_tags import facet_options, facet_url, facet_urls

# Any text, NUL and non-ASCII digits included: the tag must not care.
text = st.text(st.characters(codec="utf-8"), max_size=12)
values = st.lists(text, max_size=4, unique=True)
params = st.builds(
    SearchParams,
    q=text,
    filters=st.dictionaries(st.sampled_from(FACETS), values, max_size=4),
    sort=st.sampled_from(["relevance", "date"]),
    page=st.integers(1, 10**12),
)


@settings(max_examples=300, deadline=None)
@given(params=params, facet=st.sampled_from(FACETS), offered=values)
def test_the_same_urls_as_facet_url(params, facet, offered):
    offered = offered + params.filters.get(facet, [])[:1]  # a selected one too
    assert facet_urls(params, facet, offered) == [
        facet_url(params, facet, value) for value in offered
    ]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))
            self.text.append("")

    def handle_data(self, data):
        if self.text:
            self.text[-1] += data


def parse(html) -> Links:
    links = Links()
    links.feed(str(html))
    return links


@settings(max_examples=200, deadline=None)
@given(params=params, label=text, value=text, count=st.integers(0, 10**9), selected=st.booleans())
def test_every_value_is_escaped_and_read_back(params, label, value, count, selected):
    option = {"value": value, "label": label, "count": count, "selected": selected}
    html = facet_options(params, "theme", [option])
    links = parse(html)
    assert len(links.links) == 1, html
    link = links.links[0]
    assert link["href"] == facet_url(params, "theme", value)
    assert link["data-facet"] == "theme"
    assert ("is-selected" in link["class"]) is selected
    assert ("aria-current" in link) is selected
    shown = links.text[0]
    assert shown.endswith(f"{label} ({count})")
    assert ("Remove filter:" in shown) is selected


def test_markup_in_a_label_is_text():
    option = {"value": "x", "label": '<b onclick="x">&amp;</b>', "count": 3, "selected": False}
    html = str(facet_options(SearchParams(q="a"), "sector", [option]))
    assert "<b" not in html
    assert "&lt;b onclick=&quot;x&quot;&gt;&amp;amp;&lt;/b&gt; " in html


def test_the_selected_mark_is_translated():
    option = {"value": "x", "label": "Film", "count": 1, "selected": True}
    with translation.override("de"):
        html = str(facet_options(SearchParams(q="a"), "sector", [option]))
    assert '<span class="visually-hidden">Filter entfernen: </span>' in html


def test_a_facet_url_keeps_words_filters_and_sort():
    chosen = SearchParams(q="grün & blau", filters={"theme": ["a", "b"]}, sort="date")
    on, off = facet_urls(chosen, "theme", ["c", "a"])
    assert parse_qsl(on[1:]) == [
        ("q", "grün & blau"),
        ("theme", "a"),
        ("theme", "b"),
        ("theme", "c"),
        ("sort", "date"),
    ]
    assert parse_qsl(off[1:]) == [("q", "grün & blau"), ("theme", "b"), ("sort", "date")]
