"""WPML and Polylang translations become linked Wagtail translations."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from knowledgebase.models import NewsPage

from .conftest import FIXTURES, counts, run_import

EXPORT = FIXTURES / "translations.xml"  # WXR 1.1 with a byte order mark


def test_wpml_and_polylang_pairs_are_linked(translated_news, client):
    out = run_import(EXPORT)
    assert "(WXR 1.1)" in out
    assert counts(out, "posts") == [2, 0, 0, 0]
    assert counts(out, "translations") == [2, 0, 0, 0]
    english = NewsPage.objects.get(slug="open-call")
    french = NewsPage.objects.get(slug="appel")
    assert french.locale.language_code == "fr"
    assert french.translation_key == english.translation_key
    assert french.title == "Appel à résidences" and "Candidatez avant juin." in french.body
    assert (
        french.live
        and french.get_parent().pk == translated_news["news"].get_translation(french.locale).pk
    )
    german = NewsPage.objects.get(slug="sommerschule")
    assert german.locale.language_code == "de"
    assert german.translation_key == NewsPage.objects.get(slug="summer-school").translation_key
    assert not any(Page.find_problems())
    # The translated page answers at its own address, and its old URL leads there.
    assert client.get(french.url).status_code == 200
    response = client.get("/fr/2023/05/01/appel/")
    assert response.status_code == 301 and response["Location"] == french.url
    assert Redirect.objects.filter(old_path="/?p=61", redirect_page=french).exists()


def test_translations_are_idempotent(translated_news):
    run_import(EXPORT)
    again = run_import(EXPORT)
    assert counts(again, "translations") == [0, 0, 2, 0]
    assert NewsPage.objects.count() == 4


def test_translation_without_a_translated_parent_is_skipped(indexes):
    out = run_import(EXPORT)
    assert counts(out, "posts") == [2, 0, 0, 0]
    assert counts(out, "translations") == [0, 0, 0, 2]
    assert "the parent page has no" in out
    assert not NewsPage.objects.exclude(locale__language_code="en").exists()


def test_translations_are_wagtail_localize_translations(translated_news):
    """The French post is the source's wagtail-localize translation, its
    text stored segment by segment, so the translation editor shows it."""
    run_import(EXPORT)
    english = NewsPage.objects.get(slug="open-call")
    french = NewsPage.objects.get(slug="appel")
    source = TranslationSource.objects.get_for_instance(english)
    translation = Translation.objects.get(source=source, target_locale=french.locale)
    assert translation.enabled
    strings = dict(
        StringTranslation.objects.filter(
            locale=french.locale, translation_of__segments__source=source
        ).values_list("translation_of__data", "data")
    )
    assert strings.get(english.title) == "Appel à résidences"
    assert any("Candidatez avant juin." in text for text in strings.values())
    # Every segment of the source has its French text: nothing falls back.
    total, done = translation.get_progress()
    assert total >= 3 and done == total
    assert french.live and not french.has_unpublished_changes


def test_a_translation_shaped_unlike_its_source_keeps_its_text(translated_news, tmp_path):
    """Two paragraphs against the source's one: the page shows the French
    text as written, and the report says the translation editor can't
    hold that field segment by segment."""
    text = EXPORT.read_bytes().replace(
        b"Candidatez avant juin.", "Candidatez avant juin.\n\nRésidence de trois mois.".encode()
    )
    export = tmp_path / "translations.xml"
    export.write_bytes(text)
    out = run_import(export)
    french = NewsPage.objects.get(slug="appel")
    assert "Résidence de trois mois." in french.body
    assert 'post 61 "Appel à résidences": body: shaped differently from the source' in out
    assert french.live and french.title == "Appel à résidences"
