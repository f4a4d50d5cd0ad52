"""The page chrome (menu, language switcher, hreflang links) is cached
(core/chrome.py) but never stale: each test renders a page first, so the
chrome is in the cache, then changes the site as an editor would and checks
the very next anonymous request."""

import re

import pytest
from django.core.cache import cache

from core.demo_tools import ensure_page
from home.models import ContentPage

pytestmark = pytest.mark.django_db

PAPER = "/en/policy-papers/micro-grants/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def _menu(html):
    start = html.index('class="site-nav"')
    return html[start : html.index("</nav>", start)]


def _switcher(html):
    start = html.index('class="language-switcher"')
    return html[start : html.index("</nav>", start)]


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _get(client, url=PAPER):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_second_render_reads_the_chrome_from_the_cache(
    client, section, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        html = _get(client)
    with django_assert_max_num_queries(len(first.captured_queries) - 2):
        again = _get(client)
    assert _switcher(again) == _switcher(html) and _menu(again) == _menu(html)


def test_a_published_menu_page_appears_at_once(client, section):
    home = section["en"]["home"]
    assert "About us" not in _menu(_get(client))
    page = ensure_page(home, ContentPage, "about", title="About us", show_in_menus=True)
    assert 'href="/en/about/"' in _menu(_get(client))
    page.title = "About the network"
    page.save_revision().publish()
    menu = _menu(_get(client))
    assert "About the network" in menu and "About us" not in menu


@pytest.mark.parametrize("code", ["en", "de"])
def test_a_view_shows_the_menu_of_its_language_after_a_publish(client, section, code):
    """The search page is a view: its menu hangs from what is kept of the
    language's home page, not from a home page read for it."""
    home = section[code]["home"]
    search = f"/{code}/search/?q=grants"
    ensure_page(home, ContentPage, "about", title=f"About {code}", show_in_menus=True)
    menu = _menu(_get(client, search))
    assert f'href="/{code}/about/"' in menu and f"About {code}" in menu
    page = ensure_page(home, ContentPage, "team", title=f"Team {code}", show_in_menus=True)
    page.save_revision().publish()
    html = _get(client, search)
    assert f'href="/{code}/team/"' in _menu(html) and f'href="/{code}/about/"' in _menu(html)
    assert f'href="/{code}/"' in html  # the home link


def test_an_unpublished_or_deleted_menu_page_goes_at_once(client, section):
    home = section["en"]["home"]
    page = ensure_page(home, ContentPage, "about", title="About us", show_in_menus=True)
    assert "About us" in _menu(_get(client))
    page.unpublish()
    assert "About us" not in _menu(_get(client))
    page.save_revision().publish()
    assert "About us" in _menu(_get(client))
    page.delete()
    assert "About us" not in _menu(_get(client))


def test_a_moved_page_is_linked_at_its_new_place(client, section):
    home = section["en"]["home"]
    page = ensure_page(home, ContentPage, "about", title="About us", show_in_menus=True)
    ensure_page(home, ContentPage, "network", title="Network", show_in_menus=True)
    assert 'href="/en/about/"' in _menu(_get(client))
    page.move(home.get_children().get(slug="network"), pos="last-child")
    menu = _menu(_get(client))
    assert 'href="/en/about/"' not in menu and "About us" not in menu


def test_an_unpublished_translation_leaves_the_switcher_at_once(client, section):
    html = _get(client)
    assert 'href="/de/policy-papers/micro-grants/"' in _switcher(html)
    assert "de" in _alternates(html)
    section["de"]["paper"].unpublish()
    html = _get(client)
    assert 'href="/de/?untranslated=1"' in _switcher(html)
    assert "de" not in _alternates(html)


def test_a_new_translation_joins_the_switcher_at_once(client, section, translate):
    html = _get(client)
    assert 'href="/it/?untranslated=1"' in _switcher(html)
    translate(section["en"]["home"], "it", {})
    translate(section["en"]["index"], "it", {})
    translate(section["en"]["paper"], "it", {})
    html = _get(client)
    assert 'href="/it/policy-papers/micro-grants/"' in _switcher(html)
    assert _alternates(html)["it"] == "http://testserver/it/policy-papers/micro-grants/"


def test_the_switcher_names_the_current_language_of_each_request(client, section):
    english = _switcher(_get(client))
    german = _switcher(_get(client, "/de/policy-papers/micro-grants/"))
    assert '<span aria-current="true" lang="en">English</span>' in english
    assert '<span aria-current="true" lang="de">Deutsch</span>' in german


def test_signed_in_users_get_the_same_chrome(client, section, superuser, django_user_model):
    anonymous = _get(client)
    learner = django_user_model.objects.create_user("learner", "l@example.org", "pw-learner-42")
    for user in (learner, superuser):
        client.force_login(user)
        html = _get(client)
        assert _menu(html) == _menu(anonymous)
        assert _switcher(html) == _switcher(anonymous)
        assert _alternates(html) == _alternates(anonymous)
        client.logout()
    # And what a signed-in user made the cache hold is what visitors get.
    cache.clear()
    client.force_login(superuser)
    _get(client)
    client.logout()
    assert _menu(_get(client)) == _menu(anonymous)
