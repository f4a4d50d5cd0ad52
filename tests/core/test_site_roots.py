"""Each language's home page is where routing starts, read in one query,
and what is kept for it follows publishing, unpublishing, translating and
moving (core/site_roots.py)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from core.demo_tools import ensure_page
from core.site_roots import locale_root
from home.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_all_locales, django_capture_on_commit_callbacks):
    from core.translation import translate_object

    with django_capture_on_commit_callbacks(execute=True):
        page = ensure_page(home_all_locales["en"], ContentPage, "about", title="About")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, "de", {"About": "Über uns"})
    return page


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["page"]


def queries(client, url) -> list[str]:
    client.get(url)  # the chrome and the home pages are kept
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("path", ["", "about/"])
def test_german_costs_what_english_costs(client, about, path):
    german = queries(client, f"/de/{path}")
    english = queries(client, f"/en/{path}")
    assert len(german) == len(english)
    # Neither looks up its Locale by code, nor the home page's translation.
    for sql in german + english:
        assert '"wagtailcore_locale"."language_code" =' not in sql
        assert '"wagtailcore_page"."translation_key" =' not in sql


def test_each_language_is_served_its_own_home_page(client, home_all_locales):
    for code, home in home_all_locales.items():
        page = served(client, f"/{code}/")
        assert (page.pk, page.locale.language_code) == (home.pk, code)


def test_unpublished_home_translation_falls_back_to_the_root(client, home_all_locales):
    assert served(client, "/de/").pk == home_all_locales["de"].pk
    home_all_locales["de"].unpublish()
    assert served(client, "/de/").pk == home_all_locales["en"].pk
    home_all_locales["de"].save_revision().publish()
    assert served(client, "/de/").pk == home_all_locales["de"].pk


def test_a_new_translation_of_the_home_page_is_found(
    client, home, django_capture_on_commit_callbacks
):
    from core.translation import translate_object

    assert served(client, "/fr/").pk == home.pk  # no French home page yet
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_object(home, "fr", {})
    assert served(client, "/fr/").pk == french.pk


def test_a_new_locale_is_found(client, home, django_capture_on_commit_callbacks):
    from core.translation import translate_object

    Locale.objects.filter(language_code="it").delete()
    assert served(client, "/it/").pk == home.pk
    Locale.objects.create(language_code="it")
    with django_capture_on_commit_callbacks(execute=True):
        italian = translate_object(home, "it", {})
    assert served(client, "/it/").pk == italian.pk


def test_a_new_site_root_is_followed(client, home_all_locales, about):
    from wagtail.models import Site

    assert served(client, "/de/").pk == home_all_locales["de"].pk
    site = Site.objects.get(is_default_site=True)
    site.root_page = Page.objects.get(pk=about.pk)
    site.save()
    page = served(client, "/de/")
    assert page.pk == about.get_translation(Locale.objects.get(language_code="de")).pk


def test_what_was_kept_is_checked(client, home_all_locales, rf):
    """An entry that missed a change (another process, a lost signal) costs
    queries, never a wrong page: Wagtail's own lookup decides."""
    from django.utils import translation
    from wagtail.models import Site

    served(client, "/de/")  # kept: the German home page is live
    german = home_all_locales["de"]
    # Unpublished without the signal that renews what is kept.
    Page.objects.filter(pk=german.pk).update(live=False)
    request = rf.get("/de/")
    site = Site.find_for_request(request)
    with translation.override("de"):
        assert locale_root(request, site).pk == home_all_locales["en"].pk
    cache.clear()


def test_wagtail_still_keeps_its_route_where_serve_puts_ours():
    """Guard: ``site_roots.serve`` hands Wagtail its route through the
    attribute Wagtail's ``Page.route_for_request`` keeps it in, and replaces
    the URL pattern named ``wagtail_serve``. If an upgrade renames either,
    this fails before pages quietly cost Wagtail's queries again."""
    import inspect

    from wagtail import urls as wagtail_urls
    from wagtail.models import Page

    assert "_wagtail_route_for_request" in inspect.getsource(Page.route_for_request)
    assert "wagtail_serve" in {pattern.name for pattern in wagtail_urls.urlpatterns}


def test_below_home_the_home_row_comes_with_the_chain(client, about):
    """``/de/about/`` reads the German home page's row in the chain's query:
    no query of its own for the home page, or for its specific row."""
    sql = queries(client, "/de/about/")
    assert not any('"home_homepage"' in query for query in sql)
    routing = [q for q in sql if '"wagtailcore_page"."url_path" IN' in q]
    assert len(routing) == 1


@pytest.mark.parametrize("change", ["unpublished", "moved"])
def test_below_a_home_page_changed_without_notice_wagtail_decides(
    client, home_all_locales, about, change
):
    """What is kept of the home page (its url_path and path) missed a change:
    the row read in the chain's query shows it, and routing starts again
    from the home page as Wagtail finds it."""
    german = home_all_locales["de"]
    assert served(client, "/de/about/").locale.language_code == "de"
    if change == "unpublished":
        Page.objects.filter(pk=german.pk).update(live=False)
        expected = about  # Wagtail falls back to the default language's home
    else:
        Page.objects.filter(pk=german.pk).update(url_path="/renamed/")
        expected = about.get_translation(Locale.objects.get(language_code="de"))
    assert served(client, "/de/about/").pk == expected.pk
    cache.clear()
