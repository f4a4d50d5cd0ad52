"""The shared page parts' template tags: the paginator (its links, made with
Django's {% querystring %}) and the filter panel's summary line
(core/templatetags/ui_tags.py)."""

import re
from html import unescape

from django import forms
from django.http import QueryDict
from django.template import RequestContext, Template
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from core.templatetags.ui_tags import active_filters, page_links


def numbers(links):
    return [None if link is None else link["number"] for link in links["pages"]]


def render_paginator(query: str, current, num_pages) -> str:
    """The paginator as a listing at ``/en/news/?<query>`` renders it."""
    request = RequestFactory().get("/en/news/?" + query)
    template = Template(
        '{% include "components/pagination.html" with current=current num_pages=num_pages %}'
    )
    return template.render(RequestContext(request, {"current": current, "num_pages": num_pages}))


def hrefs(html: str) -> dict[str, str]:
    """``{link text: href}`` of the paginator's links, unescaped."""
    links = re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html)
    return {re.sub(r"<[^>]+>|Page ", "", text).strip(): unescape(href) for href, text in links}


def test_first_last_and_a_window_with_gaps():
    links = page_links(10, 20)
    assert numbers(links) == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [link["current"] for link in links["pages"] if link] == [
        False, False, False, True, False, False, False,
    ]  # fmt: skip
    assert links["previous"]["number"] == 9 and links["next"]["number"] == 11


def test_the_last_page_has_no_next_link():
    assert page_links(3, 3)["next"] is None
    assert numbers(page_links(3, 3)) == [1, 2, 3]


def test_nonsense_gives_no_links():
    assert page_links("x", 3)["pages"] == []
    assert page_links(None, None)["pages"] == []


def test_page_links_keep_the_other_filters():
    links = hrefs(render_paginator("theme=finance&theme=ip&year=2025&page=2", 2, 3))
    assert links["3"] == "?theme=finance&theme=ip&year=2025&page=3"
    assert links["Next"] == links["3"]


def test_page_one_is_the_listing_without_a_page_parameter():
    links = hrefs(render_paginator("q=kiln&page=2", 2, 3))
    assert links["1"] == "?q=kiln"
    assert links["Previous"] == "?q=kiln"
    assert hrefs(render_paginator("page=2", 2, 3))["1"] == "?"


@given(
    current=st.integers(min_value=1, max_value=10_000),
    extra=st.integers(min_value=0, max_value=10_000),
    query=st.text(max_size=60),
)
def test_links_keep_the_query_and_point_at_real_pages(current, extra, query):
    total = current + extra
    kept = QueryDict(query.lstrip("?"))
    html = render_paginator(kept.urlencode(), current, total)
    shown = []
    for text, href in hrefs(html).items():
        parsed = QueryDict(href[1:])
        if text.isdigit():
            shown.append(int(text))
            assert 1 <= int(text) <= total
            assert parsed.get("page") == (text if text != "1" else None)
        for name in kept:
            if name != "page":
                assert parsed.getlist(name) == kept.getlist(name)
    assert all(n != current for n in shown)  # the current page is no link


class Filters(forms.Form):
    level = forms.ChoiceField(choices=[("", "Any"), ("intro", "Introductory")], required=False)
    theme = forms.MultipleChoiceField(
        choices=[("finance", "Finance"), ("ip", "Intellectual property")], required=False
    )
    year = forms.IntegerField(required=False)


def test_active_filters_name_the_chosen_options():
    form = Filters(QueryDict("level=intro&theme=finance&theme=ip&year=2025&page=2"))
    assert active_filters(form) == ["Introductory", "Finance", "Intellectual property", "2025"]


def test_active_filters_leave_out_unknown_values_and_unbound_forms():
    assert active_filters(Filters(QueryDict("level=%00&theme=nope"))) == []
    assert active_filters(Filters()) == []
    assert active_filters(None) == []


def test_the_paginator_template_marks_the_current_page():
    html = render_paginator("q=a&page=2", 2, 3)
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in html
    assert 'href="?q=a&amp;page=3" rel="next"' in html
    assert 'href="?q=a" rel="prev"' in html
    assert render_paginator("", 1, 1).strip() == ""
