"""The shared page parts' template tags: the paginator's links and the filter
panel's summary line (core/templatetags/ui_tags.py)."""

from django import forms
from django.http import QueryDict
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from core.templatetags.ui_tags import active_filters, page_links


def numbers(links):
    return [None if link is None else link["number"] for link in links["pages"]]


def test_first_last_and_a_window_with_gaps():
    links = page_links(10, 20, "theme=finance")
    assert numbers(links) == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [link["current"] for link in links["pages"] if link] == [
        False, False, False, True, False, False, False,
    ]  # fmt: skip
    assert links["previous"] == "?theme=finance&page=9"
    assert links["next"] == "?theme=finance&page=11"


def test_page_one_has_no_page_parameter_and_no_previous_link():
    links = page_links(1, 3, "q=kiln&page=3")
    assert links["pages"][0]["url"] == "?q=kiln"
    assert links["previous"] is None
    assert links["pages"][1]["url"] == "?q=kiln&page=2"


def test_the_last_page_has_no_next_link():
    assert page_links(3, 3, "")["next"] is None
    assert numbers(page_links(3, 3, "")) == [1, 2, 3]


def test_nonsense_gives_no_links():
    assert page_links("x", 3, "")["pages"] == []
    assert page_links(None, None, "")["pages"] == []


@given(
    current=st.integers(min_value=1, max_value=10_000),
    extra=st.integers(min_value=0, max_value=10_000),
    query=st.text(max_size=60),
)
def test_links_keep_the_query_and_point_at_real_pages(current, extra, query):
    total = current + extra
    links = page_links(current, total, query)
    kept = QueryDict(query.lstrip("?"))
    for link in links["pages"]:
        if link is None:
            continue
        assert 1 <= link["number"] <= total
        parsed = QueryDict(link["url"][1:])
        assert parsed.get("page") == (str(link["number"]) if link["number"] > 1 else None)
        for name in kept:
            if name != "page":
                assert parsed.getlist(name) == kept.getlist(name)
    shown = [n for n in numbers(links) if n is not None]
    assert shown == sorted(set(shown)) and shown[0] == 1 and shown[-1] == total


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
    html = Template(
        '{% include "components/pagination.html" with current=2 num_pages=3 base_query="q=a" %}'
    ).render(Context({}))
    assert 'aria-current="page"' in html
    assert 'href="?q=a&amp;page=3" rel="next"' in html
    assert 'href="?q=a" rel="prev"' in html
    assert (
        Template('{% include "components/pagination.html" with current=1 num_pages=1 %}')
        .render(Context({}))
        .strip()
        == ""
    )
