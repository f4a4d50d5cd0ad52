import re

import pytest
from django.conf import settings

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_preferred_language(client, home_all_locales):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pl,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_root_defaults_to_english(client, home_all_locales):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("code", [code for code, _ in settings.LANGUAGES])
def test_home_page_in_every_language(client, home_all_locales, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert home_all_locales[code].hero_title in html
    # One alternate per language plus x-default, all absolute.
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(alternates) == {c for c, _ in settings.LANGUAGES} | {"x-default"}
    assert alternates["x-default"] == "http://testserver/en/"
    assert alternates["el"] == "http://testserver/el/"


def test_translations_are_linked_and_really_translated(home_all_locales):
    keys = {page.translation_key for page in home_all_locales.values()}
    assert len(keys) == 1
    assert home_all_locales["de"].hero_title == "Wissen, das zwischen Kreativ-Hubs reist"
    assert home_all_locales["de"].hero_title != home_all_locales["en"].hero_title


def test_language_switcher_links_to_the_same_page(client, home_all_locales):
    html = client.get("/fr/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/de/" lang="de"' in switcher
    assert '<span aria-current="true" lang="fr">Français</span>' in switcher


def test_switcher_falls_back_to_locale_home_when_untranslated(client, home):
    # Only English exists: other languages are offered but flagged as a fallback.
    html = client.get("/en/").content.decode()
    assert "is-fallback" in html
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
    assert alternates == ["en", "x-default"]


def test_latest_news_is_empty_safe(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert HomePage.objects.get(pk=home.pk).latest_news() is not None


def test_home_page_query_count_is_bounded(client, home_all_locales, django_assert_max_num_queries):
    client.get("/de/")  # warm caches (site root paths)
    with django_assert_max_num_queries(20):
        assert client.get("/de/").status_code == 200


def test_featured_items_show_in_the_visitors_language(
    client, home_all_locales, django_capture_on_commit_callbacks
):
    from core.demo_tools import ensure_page
    from core.translation import translate_object
    from knowledgebase.models import GuidelineIndexPage

    home = home_all_locales["en"]
    guides = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(guides, "de", {"Guidelines": "Leitfäden"})
    # A translation sync copies the English link onto the German home page;
    # the German page is what German visitors see.
    german = home_all_locales["de"]
    german.featured = [("page", guides)]
    german.save_revision().publish()
    html = client.get("/de/").content.decode()
    featured = html[html.index("featured-heading") : html.index("news-heading")]
    assert 'href="/de/guidelines/">Leitfäden</a>' in featured
    # No French translation yet: French visitors get the English page, not nothing.
    home_all_locales["fr"].featured = [("page", guides)]
    home_all_locales["fr"].save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert 'href="/en/guidelines/">Guidelines</a>' in html


def test_explore_lists_the_sections_in_the_menu(client, home, django_capture_on_commit_callbacks):
    """The home page's "Explore" list is the header's menu: live pages shown
    in menus, in tree order, and a newly published one appears at once."""
    from core.demo_tools import ensure_page
    from home.models import ContentPage

    def explore():
        html = client.get("/en/").content.decode()
        nav = re.search(r'<nav class="home-explore".*?</nav>', html, re.S)
        return re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav.group(0)) if nav else []

    with django_capture_on_commit_callbacks(execute=True):
        ensure_page(home, ContentPage, "about", title="About", show_in_menus=True)
        ensure_page(home, ContentPage, "hidden", title="Hidden", show_in_menus=False)
    assert explore() == [("/en/about/", "About")]
    with django_capture_on_commit_callbacks(execute=True):
        ensure_page(home, ContentPage, "contact", title="Contact", show_in_menus=True)
    assert explore() == [("/en/about/", "About"), ("/en/contact/", "Contact")]


def test_featured_keep_the_editors_order(client, home, django_capture_on_commit_callbacks):
    """Featured cards follow the editor's order, skip a page that is gone or
    not live, and come with the latest news in a fixed number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.demo_tools import ensure_page
    from home.models import ContentPage

    pages = [ensure_page(home, ContentPage, slug, title=slug.title()) for slug in "bca"]
    gone = ensure_page(home, ContentPage, "gone", title="Gone")
    draft = ensure_page(home, ContentPage, "draft", title="Draft")
    draft.unpublish()
    home.featured = [("page", page) for page in [pages[0], gone, pages[2], draft, pages[1]]]
    home.save_revision().publish()
    gone.delete()

    def featured():
        html = client.get("/en/").content.decode()
        part = html[html.index("featured-heading") : html.index("news-heading")]
        return re.findall(r'href="/en/([a-z]+)/"', part)

    assert featured() == ["b", "a", "c"]
    client.get("/en/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/")
    many = len(captured.captured_queries)
    home.featured = [("page", pages[0])]
    home.save_revision().publish()
    client.get("/en/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/")
    assert len(captured.captured_queries) == many


def test_a_preview_shows_unsaved_featured_pages(home):
    """The admin's preview renders the form's featured pages, not the saved ones."""
    from core.demo_tools import ensure_page
    from home.models import ContentPage

    chosen = ensure_page(home, ContentPage, "chosen", title="Chosen page")
    draft = HomePage.objects.get(pk=home.pk)
    draft.featured = [("page", chosen)]  # not saved
    html = draft.make_preview_request().content.decode()
    assert 'href="/en/chosen/">Chosen page</a>' in html[html.index("featured-heading") :]
