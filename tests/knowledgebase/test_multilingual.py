"""Issue 12: documents, cities and series read right in every language.

A link to a file carries a title that is translated with the page, and says
(with ``hreflang``) when the file is in another language; city names are
page text that wagtail-localize translates; series are translatable
snippets; country names come from django-countries in the page's language."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from core.models import SiteDocument
from core.templatetags.document_tags import document_info_for
from knowledgebase.models import GuidelinePage, PolicyPaperPage, Series

from .conftest import make_document, make_event, make_guideline, make_paper, make_story

pytestmark = pytest.mark.django_db


def in_language(code, message="in English"):
    with translation.override(code):
        return translation.gettext(message)


@pytest.fixture
def de_el_indexes(indexes, translate):
    for index in indexes.values():
        translate(index, "de")
        translate(index, "el")
    return indexes


def test_a_german_guideline_shows_the_translated_link_title_and_says_the_file_is_english(
    client, de_el_indexes, translate
):
    template = make_document("Budget sheet", pages=1)
    template.file_language = "en"
    template.save()
    guideline = make_guideline(
        de_el_indexes["guidelines"],
        "Plan the money",
        templates=[("template", {"document": template, "title": "Budget template: plan"})],
    )
    german = translate(guideline, "de", {"Budget template: plan": "Budgetvorlage: Plan"})

    html = client.get(german.url).content.decode()
    link = re.search(r"<a [^>]*>Budgetvorlage: Plan</a>", html)
    assert link, "the German link title is shown"
    assert 'hreflang="en"' in link.group(0)
    assert template.url in link.group(0)
    assert "Budget template" not in html
    assert f"PDF, {in_language('de')}" in html

    # The English page links the same file without a language note.
    english = client.get(guideline.url).content.decode()
    link = re.search(r"<a [^>]*>Budget template: plan</a>", english)
    assert link and "hreflang" not in link.group(0)
    assert in_language("en") not in english


def test_a_template_without_link_title_shows_the_file_title_marked_with_its_language(
    client, de_el_indexes, translate
):
    template = make_document("Cost plan", pages=1)
    template.file_language = "en"
    template.save()
    guideline = make_guideline(
        de_el_indexes["guidelines"], templates=[("template", {"document": template})]
    )
    greek = translate(guideline, "el")
    html = client.get(greek.url).content.decode()
    assert re.search(r'<a [^>]*hreflang="en"[^>]*><span lang="en">Cost plan</span></a>', html)


def test_templates_stored_before_link_titles_still_load(client, indexes):
    """Rows written when a template was only a document id."""
    template = make_document("Old template", pages=1)
    guideline = make_guideline(indexes["guidelines"])
    raw = json.dumps([{"type": "template", "value": template.pk, "id": "a1"}])
    GuidelinePage.objects.filter(pk=guideline.pk).update(templates=raw)
    page = GuidelinePage.objects.get(pk=guideline.pk)
    assert [item["document"].pk for item in page.template_documents()] == [template.pk]
    assert "Old template" in client.get(page.url).content.decode()


def test_the_paper_pdf_link_says_english_on_a_greek_page_and_nothing_on_the_english_one(
    client, de_el_indexes, translate
):
    document = make_document("Report", pages=2)
    document.file_language = "en"
    document.save()
    paper = make_paper(de_el_indexes["papers"], "Money", document=document)
    greek = translate(paper, "el")

    greek_html = client.get(greek.url).content.decode()
    button = re.search(r'<a class="button" href="[^"]+"[^>]*>', greek_html).group(0)
    assert 'hreflang="en"' in button
    assert f"PDF, {in_language('el')}, " in greek_html
    english_html = client.get(paper.url).content.decode()
    assert 'hreflang="' not in re.search(r'<a class="button"[^>]*>', english_html).group(0)


def test_the_language_note_falls_back_to_the_detected_language_and_to_the_language_name(
    indexes,
):
    document = make_document("Notes", pages=1)
    document.file_language = ""
    document.language = "de"
    info = document_info_for(document, "en")
    assert info.hreflang == "de" and info.language_note == in_language("en", "in German")
    document.file_language = "pt"
    with translation.override("fr"):
        info = document_info_for(document, "fr")
    assert info.hreflang == "pt"
    assert "portugais" in info.language_note.lower()
    # Same language as the page (also a regional variant): no note.
    document.file_language = "fr"
    assert document_info_for(document, "fr").hreflang == ""
    document.file_language = ""
    document.language = ""
    assert document_info_for(document, "el").meta.startswith("PDF")
    assert document_info_for(document, "el").hreflang == ""


def test_the_document_form_lets_editors_set_the_language(admin_client, indexes):
    document = make_document("Form test", pages=1)
    url = f"/admin/documents/edit/{document.pk}/"
    page = admin_client.get(url).content.decode()
    assert 'name="file_language"' in page
    data = {
        "title": "Form test",
        "file_language": "el",
        "collection": str(document.collection_id),
        "tags": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file_language == "el"
    # A code that is no language is a form error, not a 500.
    response = admin_client.post(url, {**data, "file_language": "xx\x00"})
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.file_language == "el"


def test_a_greek_case_story_and_event_show_the_greek_city_and_country(
    client, de_el_indexes, translate
):
    story = make_story(de_el_indexes["stories"], "Type in Turin", country="IT", city="Turin")
    greek_story = translate(story, "el", {"Turin": "Τορίνο", "Type in Turin": "Γραμματοσειρές"})
    html = client.get(greek_story.url).content.decode()
    assert "Τορίνο, Ιταλία" in html
    assert "Turin," not in html
    assert "Włochy" not in html

    event = make_event(de_el_indexes["news"], "Meeting", city="Turin", country="IT")
    greek_event = translate(event, "el", {"Turin": "Τορίνο"})
    html = client.get(greek_event.url).content.decode()
    assert "Τορίνο, Ιταλία" in html

    german_html = client.get(translate(story, "de", {"Turin": "Turin"}).url).content.decode()
    assert "Turin, Italien" in german_html


def test_series_are_translated_snippets_linked_in_the_page_language(
    client, de_el_indexes, translate
):
    english = Locale.objects.get(language_code="en")
    series = Series.objects.create(name="Policy briefs", locale=english)
    german_series = translate(series, "de", {"Policy briefs": "Kurzdossiers"})
    paper = make_paper(de_el_indexes["papers"], "Grants", series=series)
    german = translate(paper, "de")

    assert german.series_id == german_series.pk
    html = client.get(german.url).content.decode()
    assert "Kurzdossiers" in html and "Policy briefs" not in html
    assert '<meta name="citation_series_title" content="Kurzdossiers">' in html
    bibtex = client.get(german.url, {"format": "bibtex"}).content.decode()
    assert "Kurzdossiers" in bibtex
    # An untranslated series stays linked (and shown) in English.
    greek = translate(paper, "el")
    assert greek.series_id == series.pk
    assert "Policy briefs" in client.get(greek.url).content.decode()


def test_paper_api_gives_the_series_name(client, de_el_indexes):
    series = Series.objects.create(name="Working papers", locale=Locale.get_default())
    paper = make_paper(de_el_indexes["papers"], "API paper", series=series)
    response = client.get(f"/api/v2/pages/{paper.pk}/")
    assert response.status_code == 200
    assert response.json()["series"] == "Working papers"
    assert PolicyPaperPage.objects.get(pk=paper.pk).series_name == "Working papers"


@given(
    file_language=st.text(max_size=20) | st.sampled_from(["en", "pt", "zh-hans", "١", "\x00"]),
    page_language=st.text(max_size=12) | st.sampled_from(["de", "el", "en-gb", ""]),
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_document_info_takes_any_language_code(file_language, page_language):
    """Whatever an old row or a hand-made one holds, the link never breaks."""
    document = SiteDocument(title="Any", file_language=file_language, language="")
    document.file_size = 10**12
    info = document_info_for(document, page_language)
    assert isinstance(info.meta, str) and isinstance(info.hreflang, str)
    assert info.hreflang in ("", file_language)


def queries_for(client, url):
    client.get(url)  # warm the chrome, as a busy site is
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_series_and_link_titles_cost_at_most_one_query(client, indexes):
    """Within the budget of tests/performance/test_query_counts.py: a series
    costs one query; templates are read in one query however many there are."""
    plain = make_paper(indexes["papers"], "Plain")
    series = Series.objects.create(name="Working papers", locale=Locale.get_default())
    with_series = make_paper(indexes["papers"], "With series", series=series)
    assert queries_for(client, with_series.url) <= queries_for(client, plain.url) + 1

    files = [make_document(f"Template {n}", pages=1) for n in range(4)]
    one = make_guideline(
        indexes["guidelines"], templates=[("template", {"document": files[0], "title": "A"})]
    )
    four = make_guideline(
        indexes["guidelines"],
        templates=[("template", {"document": f, "title": f.title}) for f in files],
    )
    assert queries_for(client, four.url) == queries_for(client, one.url)
    assert queries_for(client, four.url) <= 15
