"""A policy paper's status (draft, piloted, final): on the page, on its card,
as a listing filter, kept in step across translations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from knowledgebase.models import PaperStatus, PolicyPaperPage

from .conftest import make_guideline, make_paper

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items"]]


@pytest.fixture
def papers(indexes):
    parent = indexes["papers"]
    return {
        status: make_paper(parent, f"Paper {status}", paper_status=status)
        for status in ("draft", "piloted", "final")
    }


def test_new_papers_are_final_by_default(indexes):
    assert make_paper(indexes["papers"]).paper_status == PaperStatus.FINAL


@pytest.mark.parametrize(
    ("status", "label"), [("draft", "Draft"), ("piloted", "Piloted"), ("final", "Final")]
)
def test_paper_page_shows_its_status(client, papers, status, label):
    html = client.get(papers[status].url).content.decode()
    assert f'class="kb-status kb-status--{status}">Status: {label}</span>' in html


def test_cards_show_the_status(client, papers, indexes):
    html = client.get(indexes["papers"].url).content.decode()
    for status, label in (("draft", "Draft"), ("piloted", "Piloted"), ("final", "Final")):
        assert f'<span class="kb-status kb-status--{status}">{label}</span>' in html


def test_status_is_translated(client, papers, indexes, translate):
    translate(indexes["papers"], "de")
    german = translate(papers["draft"], "de")
    assert german.paper_status == "draft"
    html = client.get(german.url).content.decode()
    assert "kb-status--draft" in html
    assert ">Status: Draft<" not in html  # the German label, not the English one


def test_status_stays_in_step_across_translations(papers, indexes, translate):
    translate(indexes["papers"], "de")
    translate(papers["piloted"], "de")
    source = papers["piloted"]
    source.paper_status = "final"
    source.save_revision().publish()
    german = translate(source, "de")
    assert PolicyPaperPage.objects.get(pk=german.pk).paper_status == "final"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "draft"}, {"Paper draft"}),
        ({"status": ["draft", "piloted"]}, {"Paper draft", "Paper piloted"}),
        ({"status": "final", "year": "2025"}, {"Paper final"}),
        ({"status": "final", "year": "2023"}, set()),
        ({"status": ""}, {"Paper draft", "Paper piloted", "Paper final"}),
    ],
)
def test_listing_filters_by_status(client, papers, indexes, query, expected):
    response = client.get(indexes["papers"].url, query)
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_status_filter_is_offered_where_it_applies(client, papers, indexes):
    html = client.get(indexes["papers"].url).content.decode()
    assert 'name="status"' in html and '<option value="final">Final</option>' in html
    make_guideline(indexes["guidelines"], "Validated guide", testing_status="validated")
    make_guideline(indexes["guidelines"], "Draft guide", testing_status="draft")
    guides = client.get(indexes["guidelines"].url, {"status": "validated"})
    assert titles(guides) == ["Validated guide"]
    assert '<option value="validated" selected>Validated</option>' in guides.content.decode()
    # A guideline is never "final", a paper never "validated"; news have no status.
    assert client.get(indexes["guidelines"].url, {"status": "final"}).status_code == 400
    assert client.get(indexes["papers"].url, {"status": "validated"}).status_code == 400
    news = client.get(indexes["news"].url)
    assert 'name="status"' not in news.content.decode()
    assert client.get(indexes["news"].url, {"status": "draft"}).status_code == 400


def test_status_costs_no_query(client, papers, indexes):
    url = indexes["papers"].url
    client.get(url)
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    with CaptureQueriesContext(connection) as filtered:
        client.get(url, {"status": ["draft", "final"]})
    plain_count = len(plain.captured_queries)
    assert len(filtered.captured_queries) <= plain_count
    for n in range(5):
        make_paper(indexes["papers"], f"More {n}", paper_status="draft")
    client.get(url)  # publishing renewed the cached chrome
    with CaptureQueriesContext(connection) as more:
        client.get(url, {"status": "draft"})
    assert len(more.captured_queries) <= plain_count


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(st.text(max_size=30), max_size=4))
def test_fuzz_status_filter(client, indexes, values):
    response = client.get(indexes["papers"].url, {"status": values})
    assert response.status_code in (200, 400)
