"""Consultations in site search: their text finds the document, the result
says whether the consultation is open, a change reindexes the document."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats

from consultation.search import badges, page_text

from .conftest import make_consultation, make_guideline


@pytest.fixture(autouse=True)
def search_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}


def found(client, q, language="en"):
    answer = client.get(f"/{language}/search/", {"q": q})
    assert answer.status_code == 200
    return answer.content.decode()


def saved(consultation, capture):
    with capture(execute=True):
        consultation.save()
    return consultation


def test_consultation_text_finds_the_guideline(
    client, guideline, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = make_consultation(
            guideline,
            title="Consultation on spreadsheet bookkeeping",
            questions=[("question", "Would a quarterly tachograph help?")],
        )
    for word in ("bookkeeping", "tachograph"):
        html = found(client, word)
        assert guideline.title in html, word
    closes = formats.date_format(consultation.closes_on, "DATE_FORMAT")
    assert f"Open for comments until {closes}" in found(client, "tachograph")


def test_editing_the_consultation_reindexes(
    client, consultation, guideline, django_capture_on_commit_callbacks
):
    assert guideline.title not in found(client, "zeppelin")
    consultation.what_changed = "<p>We dropped the <b>zeppelin</b> example.</p>"
    saved(consultation, django_capture_on_commit_callbacks)
    assert guideline.title in found(client, "zeppelin")
    with django_capture_on_commit_callbacks(execute=True):
        consultation.delete()
    assert guideline.title not in found(client, "zeppelin")


def test_closed_and_upcoming_consultations_say_so(
    client, guideline_index, django_capture_on_commit_callbacks
):
    closed_page = make_guideline(guideline_index, title="Closed guide")
    later_page = make_guideline(guideline_index, title="Later guide")
    with django_capture_on_commit_callbacks(execute=True):
        closed = make_consultation(
            closed_page, opens=-30, closes=-2, summary="<p>Many asked for a marimba.</p>"
        )
        later = make_consultation(later_page, opens=3, closes=30, introduction="About the marimba")
    html = found(client, "marimba")
    assert "Closed guide" in html and "Later guide" in html
    closes = formats.date_format(closed.closes_on, "DATE_FORMAT")
    opens = formats.date_format(later.opens_on, "DATE_FORMAT")
    assert f"Consultation closed on {closes}" in html
    assert f"Consultation opens on {opens}" in html
    assert "Open for comments" not in html


def test_a_document_without_consultation_has_no_badge(client, guideline):
    html = found(client, guideline.title.split()[0])
    assert guideline.title in html
    assert "consultation-badge" not in html
    assert page_text(guideline) == ""


def test_page_text_holds_every_part(guideline, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = make_consultation(
            guideline,
            title="English title",
            introduction="Intro",
            summary="<p>Summary <i>here</i></p>",
            what_changed="<ul><li>Step two</li></ul>",
        )
    text = page_text(guideline)
    for part in ("English title", "Intro", "Is the first step clear?", "Summary here", "Step two"):
        assert part in text
    assert "<" not in text
    assert consultation.pk


def test_badges_take_one_query(guideline_index, django_assert_num_queries):
    pages = [make_guideline(guideline_index) for _ in range(4)]
    for page in pages[:3]:
        make_consultation(page)
    with django_assert_num_queries(1):
        result = badges(pages)
    assert set(result) == {page.pk for page in pages[:3]}
    with django_assert_num_queries(0):
        assert badges([]) == {}


def test_search_page_queries_do_not_grow_with_consultations(
    client, guideline_index, django_capture_on_commit_callbacks
):
    def count():
        found(client, "guide")  # warm
        with CaptureQueriesContext(connection) as queries:
            found(client, "guide")
        return len(queries.captured_queries)

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            make_consultation(make_guideline(guideline_index, title=f"First guide {n}"))
    few = count()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(6):
            make_consultation(make_guideline(guideline_index, title=f"More guide {n}"))
    assert count() <= few


def test_a_chunk_being_indexed_reads_its_consultations_once(
    guideline_index, django_capture_on_commit_callbacks
):
    """Indexing a chunk of pages (their vectors, then their cards) reads
    the consultations in one query, and gives each page the text it would
    read alone."""
    from wagtail.search.backends import get_search_backend

    from consultation.search import _read_text, preloaded
    from knowledgebase.models import GuidelinePage

    pages = [make_guideline(guideline_index) for _i in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        make_consultation(pages[0], title="Older one", opens=-30)
        make_consultation(pages[0], title="Newest one", introduction="Read this")
        make_consultation(pages[2], title="Another", summary="<p>Sum</p>")
    with preloaded(pages):
        batched = [page_text(page) for page in pages]
    assert batched == [_read_text(page) for page in pages]
    assert "Newest one" in batched[0] and not batched[1]

    objs = list(GuidelinePage.get_indexed_objects().order_by("pk"))
    with CaptureQueriesContext(connection) as queries:
        get_search_backend().add_bulk(GuidelinePage, objs)
    reads = [q for q in queries if 'FROM "consultation_consultation"' in q["sql"]]
    assert len(reads) == 1


def test_results_without_a_consultation_ask_for_no_badges(client, guideline):
    """Search results ask for badges only when one of them has a
    consultation (kept with the page chrome)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    word = guideline.title.split()[0]
    found(client, word)
    with CaptureQueriesContext(connection) as captured:
        found(client, word)
    assert not any('"consultation_consultation"' in q["sql"] for q in captured.captured_queries)
    make_consultation(guideline, title="Badge now")
    assert "consultation-badge" in found(client, word)
