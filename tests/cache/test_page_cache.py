"""The page cache is never stale: after each kind of change, the next
anonymous request sees it. What belongs to one visitor is never cached."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Page, PageViewRestriction

from core.models import SiteDocument, Theme
from home.models import ContentPage
from tests.cache.conftest import get

pytestmark = pytest.mark.django_db

PAPER = "/en/policy-papers/micro-grants/"
LISTING = "/en/policy-papers/"


def republish(page, **fields):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_second_request_is_a_hit_without_queries(client, papers, django_assert_num_queries):
    response, state = get(client, PAPER)
    assert response.status_code == 200 and state == "miss"
    with django_assert_num_queries(0):
        hit, state = get(client, PAPER)
    assert state == "hit"
    assert hit.content.count(b"Micro-grants for hubs") == response.content.count(
        b"Micro-grants for hubs"
    )
    assert not hit.cookies
    assert "public" in hit["Cache-Control"] and "max-age=60" in hit["Cache-Control"]
    assert "Cookie" in hit["Vary"]


def test_publish_reaches_the_page_its_listing_and_the_home_page(client, papers, commit):
    for path in (PAPER, LISTING, "/en/"):
        get(client, path)
        assert get(client, path)[1] == "hit"
    with commit():
        republish(papers["first"], title="Micro-grants, revised")
    for path in (PAPER, LISTING):
        response, state = get(client, path)
        assert state == "miss", path
        assert b"Micro-grants, revised" in response.content, path
    # The other paper was not purged: a publish is precise.
    get(client, "/en/policy-papers/shared-studios/")
    with commit():
        republish(papers["first"], title="Micro-grants, third")
    assert get(client, "/en/policy-papers/shared-studios/")[1] == "hit"
    assert b"Micro-grants, third" in get(client, LISTING)[0].content


def test_unpublish_answers_404_and_leaves_the_listing(client, papers, commit):
    get(client, PAPER)
    assert b"Micro-grants for hubs" in get(client, LISTING)[0].content
    with commit():
        papers["first"].specific.unpublish()
    assert get(client, PAPER)[0].status_code == 404
    assert b"Micro-grants for hubs" not in get(client, LISTING)[0].content


def test_delete_answers_404_and_leaves_the_listing(client, papers, commit):
    get(client, PAPER)
    get(client, LISTING)
    with commit():
        Page.objects.get(pk=papers["first"].pk).delete()
    assert get(client, PAPER)[0].status_code == 404
    assert b"Micro-grants for hubs" not in get(client, LISTING)[0].content


def test_move_changes_urls_and_the_menu_of_every_page(client, papers, commit):
    with commit():
        about = ContentPage(title="About the network", slug="about", show_in_menus=True)
        papers["home"].add_child(instance=about)
        about.save_revision().publish()
        team = ContentPage(title="Our team", slug="team", show_in_menus=True)
        papers["home"].add_child(instance=team)
        team.save_revision().publish()
    assert b"About the network" in get(client, PAPER)[0].content  # header menu
    assert get(client, "/en/about/")[0].status_code == 200
    assert get(client, PAPER)[1] == "hit"
    with commit():
        Page.objects.get(pk=about.pk).move(Page.objects.get(pk=team.pk), pos="last-child")
    # Not the cached page: Wagtail's redirect to the new place.
    old = get(client, "/en/about/")[0]
    assert old.status_code == 301 and old["Location"].endswith("/en/team/about/")
    assert get(client, "/en/team/about/")[0].status_code == 200
    response, state = get(client, PAPER)
    assert state == "miss"
    assert b"About the network" not in response.content


def test_editing_a_snippet_reaches_the_pages_that_show_it(client, papers, locales, commit):
    with commit():
        theme = Theme.objects.create(name="Cash flow", slug="cash-flow", locale=locales["en"])
        paper = papers["first"].specific
        paper.themes = [theme]
        paper.save_revision().publish()
    assert b"Cash flow" in get(client, PAPER)[0].content
    assert b"Cash flow" in get(client, LISTING)[0].content
    assert get(client, PAPER)[1] == "hit"
    with commit():
        theme.name = "Liquidity"
        theme.save()
    for path in (PAPER, LISTING):
        response = get(client, path)[0]
        assert b"Liquidity" in response.content and b"Cash flow" not in response.content, path


def test_replacing_a_document_reaches_the_page_that_links_it(client, papers, commit):
    from knowledgebase.pdf import make_pdf

    with commit():
        document = SiteDocument(
            title="Report", file=ContentFile(make_pdf("Report", [["One page."]]), name="one.pdf")
        )
        document._set_document_file_metadata()
        document.save()
        republish(papers["first"], document=document)
    before = get(client, PAPER)[0].content
    assert b"one" in before and b"1 page" in before
    assert get(client, PAPER)[1] == "hit"
    with commit():
        document = SiteDocument.objects.get(pk=document.pk)
        pages = [[f"Page {n}."] for n in range(3)]
        document.file = ContentFile(make_pdf("Report", pages), name="three.pdf")
        document._set_document_file_metadata()
        document.save()
    response, state = get(client, PAPER)
    assert state == "miss"
    assert b"three" in response.content and b"3 pages" in response.content


def test_publishing_a_translation_reaches_the_other_languages(client, papers, translate, commit):
    from tests.home_text import home_text

    # (translate runs each translation's on-commit publication itself.)
    translate(papers["home"], "de", home_text())
    translate(papers["index"], "de")
    english = get(client, PAPER)[0].content
    assert b'href="/de/policy-papers/kleinstforderung-fur-hubs/"' not in english
    assert get(client, PAPER)[1] == "hit"
    translate(papers["first"], "de")
    english, state = get(client, PAPER)
    assert state == "miss"
    german_link = re.search(rb'href="(/de/policy-papers/[^"?]+)"', english.content)
    assert german_link is not None
    german = get(client, german_link.group(1).decode())[0]
    assert german.status_code == 200
    assert "Kleinstförderung für Hubs".encode() in german.content
    assert "Kleinstförderung für Hubs".encode() in get(client, "/de/policy-papers/")[0].content


def test_signed_in_visitors_are_never_cached(client, papers, superuser):
    get(client, PAPER)
    assert get(client, PAPER)[1] == "hit"
    client.force_login(superuser)
    for _ in range(2):
        response, state = get(client, PAPER)
        assert state is None  # neither served from nor stored in the cache
        assert "private" in response["Cache-Control"]
    client.logout()
    assert get(client, PAPER)[1] == "hit"


def test_a_preview_is_never_served_from_the_cache(client, papers):
    get(client, PAPER)
    assert get(client, PAPER)[1] == "hit"
    draft = papers["first"].specific
    draft.title = "Draft title nobody may see"
    preview = draft.make_preview_request()
    assert b"Draft title nobody may see" in preview.content
    assert preview.get("X-Page-Cache") is None
    assert b"Draft title nobody may see" not in get(client, PAPER)[0].content


def test_a_form_with_a_csrf_token_is_never_cached(client, home):
    from partners.models import HubPage, PartnerIndexPage
    from tests.partners.conftest import add_page, make_partner

    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    make_partner(directory, HubPage, "lisboa", "Fábrica Lisboa", "PT", 38.7, -9.1)
    for _ in range(2):
        response, state = get(client, "/en/partners/lisboa/")
        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" in response.content
        assert state == "pass"
        assert "private" in response["Cache-Control"]
    # The page without a form, the directory, is cached.
    get(client, "/en/partners/")
    assert get(client, "/en/partners/")[1] == "hit"


def test_a_page_made_private_leaves_the_cache_at_once(client, papers, commit):
    get(client, PAPER)
    assert get(client, PAPER)[1] == "hit"
    with commit():
        PageViewRestriction.objects.create(
            page=papers["first"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    response, state = get(client, PAPER)
    assert b"Small grants keep small hubs alive." not in response.content
    assert state != "hit"
    assert get(client, PAPER)[1] != "hit"


def test_each_hit_gets_its_own_csp_nonce(client, papers):
    first, _ = get(client, PAPER)
    second, state = get(client, PAPER)
    assert state == "hit"
    nonces = []
    for response in (first, second):
        body = re.search(rb'nonce="([^"]+)"', response.content)
        assert body is not None, "the policy paper's JSON-LD carries the nonce"
        nonce = body.group(1).decode()
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_visitors_with_a_session_or_messages_are_not_served_the_cache(client, papers):
    get(client, PAPER)
    assert get(client, PAPER)[1] == "hit"
    client.cookies["sessionid"] = "not-a-session"
    assert get(client, PAPER)[1] is None
    del client.cookies["sessionid"]
    client.cookies["messages"] = "x"
    assert get(client, PAPER)[1] is None


def test_search_is_not_cached(client, papers):
    for _ in range(2):
        response, state = get(client, "/en/search/?q=grants")
        assert response.status_code == 200 and state is None


def test_feeds_and_sitemap_are_cached_and_purged(client, papers, commit):
    paths = ("/en/policy-papers/feed/", "/sitemap.xml", "/sitemap-pages.xml", "/en/feeds/")
    for path in paths:
        assert get(client, path)[0].status_code == 200, path
        assert get(client, path)[1] == "hit", path
    with commit():
        republish(papers["second"], title="Studios for everyone", slug="studios")
    for path in ("/en/policy-papers/feed/", "/en/feeds/"):
        assert b"Studios for everyone" in get(client, path)[0].content, path
    assert b"/en/policy-papers/studios/" in get(client, "/sitemap-pages.xml")[0].content
    assert get(client, "/sitemap.xml")[1] == "miss"


def test_a_live_copy_reaches_the_listing(client, papers, commit):
    get(client, LISTING)
    assert get(client, LISTING)[1] == "hit"
    with commit():
        papers["second"].specific.copy(
            to=papers["index"],
            update_attrs={"title": "Shared studios, second edition", "slug": "studios-2"},
            keep_live=True,
        )
    assert b"Shared studios, second edition" in get(client, LISTING)[0].content


def test_an_unknown_host_answers_400_not_a_cached_page(client, papers):
    get(client, PAPER)
    response = client.get(PAPER, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.get("X-Page-Cache") is None


def test_language_negotiated_urls_get_an_entry_per_language(client, papers):
    """/sitemap.xml has no language prefix: its language comes from
    Accept-Language, so each language is an entry of its own."""
    german, state = get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="de")
    assert state == "miss" and "Accept-Language" in german["Vary"]
    assert get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="de")[1] == "hit"
    french, state = get(client, "/sitemap.xml", HTTP_ACCEPT_LANGUAGE="fr")
    assert state == "miss" and "Accept-Language" in french["Vary"]
    assert german["Content-Language"] == "de" and french["Content-Language"] == "fr"
    assert get(client, "/", HTTP_ACCEPT_LANGUAGE="de")[1] is None  # the redirect


def test_the_directory_csv_is_cached_with_the_directory_and_purged_with_it(client, home, commit):
    """``export.csv`` is served as the directory's sub-route, so it is cached
    under the directory's tags and a partner's publish purges it."""
    from core.demo_tools import ensure_page
    from partners.models import HubPage, PartnerIndexPage

    with commit():
        directory = ensure_page(home, PartnerIndexPage, "partners", title="Partners")
        hub = ensure_page(
            directory,
            HubPage,
            "kiln",
            title="Kiln Hub",
            country="PT",
            city="Porto",
            contact_email="kiln@example.org",
        )
    url = "/en/partners/export.csv"
    first, state = get(client, url)
    assert first.status_code == 200 and state == "miss"
    assert first["Content-Type"].startswith("text/csv")
    hit, state = get(client, url)
    assert state == "hit" and hit.content == first.content
    with commit():
        republish(hub, title="Kiln Hub, renamed")
    response, state = get(client, url)
    assert state == "miss" and "Kiln Hub, renamed" in response.content.decode()
