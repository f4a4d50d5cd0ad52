"""Another section's draft titles stay out of the admin's page chooser, the
page bulk actions and the translation status report: each shows a user only
pages they may edit, and live pages (docs/permissions.md). Checked over
HTTP, both ways, for partner editors, a translator and a moderator."""

# The partners tests' fixtures are imported below; test arguments name them.
# ruff: noqa: F811

import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission

from partners.sections import TRANSLATORS, section_for
from tests.partners.conftest import (  # noqa: F401
    add_page,
    directory,
    english,
    fallback_templates,
    make_user,
    partners,
    services,
    users,
)

pytestmark = pytest.mark.django_db

SECTIONS = ["lisbon", "leipzig"]
# Whose drafts each role may see: only those of the sections it may edit.
SEES_DRAFTS_OF = {
    "editor_lisbon": {"lisbon"},
    "editor_leipzig": {"leipzig"},
    "translator": set(),
    "moderator": {"lisbon", "leipzig"},
}
ROLES = list(SEES_DRAFTS_OF)


@pytest.fixture
def news(partners, users):
    """In each section a never-published draft by its editor and a live item."""
    from knowledgebase.models import NewsPage

    pages = {}
    for name in SECTIONS:
        for state, publish in (("Draft", False), ("Live", True)):
            pages[state, name] = add_page(
                partners[name],
                NewsPage,
                publish=publish,
                title=f"{state} news in {name}",
                slug=f"{state.lower()}-news-{name}",
                date=datetime.date(2025, 5, 1),
                owner=users[f"editor_{name}"],
            )
    return pages


def modal_html(response) -> str:
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def assert_sees_only_allowed_drafts(role, text):
    for name in SECTIONS:
        assert (f"Draft news in {name}" in text) == (name in SEES_DRAFTS_OF[role]), (role, name)


@pytest.mark.parametrize("role", ROLES)
def test_page_chooser_shows_only_pages_the_user_may_see(client, users, partners, news, role):
    client.force_login(users[role])
    live = [news["Live", name].title for name in SECTIONS]

    # Browsing each section.
    text = ""
    for name in SECTIONS:
        response = client.get(f"/admin/choose-page/{partners[name].pk}/")
        assert "no-store" in response["Cache-Control"]
        html = modal_html(response)
        assert news["Live", name].title in html
        text += html
    assert_sees_only_allowed_drafts(role, text)

    # Searching.
    response = client.get("/admin/choose-page/search/", {"q": "news"})
    assert response.status_code == 200
    html = response.content.decode()
    assert all(title in html for title in live)
    assert_sees_only_allowed_drafts(role, html)

    # Opening a draft as the parent of a listing shows its title.
    for name in SECTIONS:
        draft = news["Draft", name]
        response = client.get(f"/admin/choose-page/{draft.pk}/")
        if name in SEES_DRAFTS_OF[role]:
            assert draft.title in modal_html(response)
        else:
            assert response.status_code == 404
            assert draft.title not in response.content.decode()

    # Choosing several pages answers with their titles (bad IDs are ignored).
    ids = [page.pk for page in news.values()]
    response = client.get("/admin/choose-page/chosen-multiple/", {"id": [*ids, "x", "²"]})
    assert response.status_code == 200
    titles = " ".join(page["adminTitle"] for page in json.loads(response.content)["result"])
    assert all(title in titles for title in live)
    assert_sees_only_allowed_drafts(role, titles)


@pytest.mark.parametrize("role", ["anonymous", "learner"])
def test_page_chooser_needs_admin_access(client, users, news, role):
    if users[role] is not None:
        client.force_login(users[role])
    draft = news["Draft", "lisbon"]
    for url in (
        "/admin/choose-page/",
        f"/admin/choose-page/{draft.pk}/",
        f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_list_only_pages_the_user_may_see(client, users, partners, news, role):
    client.force_login(users[role])
    ids = [page.pk for page in news.values()]
    hidden = [news["Draft", n].pk for n in SECTIONS if n not in SEES_DRAFTS_OF[role]]
    for action in ("delete", "move", "publish", "unpublish"):
        url = f"/admin/bulk/wagtailcore/page/{action}/"
        response = client.get(url, {"id": ids})
        assert response.status_code == 200, action
        html = response.content.decode()
        assert all(news["Live", name].title in html for name in SECTIONS), action
        assert_sees_only_allowed_drafts(role, html)

        # A whole listing ("select all" in a section, or in a search there).
        for search in ({}, {"q": "news"}):
            text = ""
            for name in SECTIONS:
                query = {"id": "all", "childOf": partners[name].pk, **search}
                response = client.get(url, query)
                assert response.status_code == 200, (action, search)
                text += response.content.decode()
            assert "Live news in lisbon" in text and "Live news in leipzig" in text
            assert_sees_only_allowed_drafts(role, text)

        # Only pages the user may not see: as if they did not exist.
        if hidden:
            response = client.get(url, {"id": hidden})
            assert response.status_code == 404, action
            assert "Draft news" not in response.content.decode()


@pytest.fixture
def report_users(users, partners, make_user):
    """Everyone who may open the report: the translator, the moderator, and a
    Lisbon editor who also translates (sees Lisbon's drafts, not Leipzig's)."""
    both = make_user(
        "editor_lisbon_translator",
        section_for(partners["lisbon"]).group,
        Group.objects.get(name=TRANSLATORS),
    )
    return {
        "translator": users["translator"],
        "moderator": users["moderator"],
        "editor_lisbon": both,
    }


@pytest.mark.parametrize("role", ["translator", "moderator", "editor_lisbon"])
def test_status_report_shows_only_pages_the_user_may_see(client, report_users, news, role):
    user = report_users[role]
    assert user.has_perm("wagtail_localize.submit_translation")
    client.force_login(user)
    for query in ({}, {"export": "csv"}):
        response = client.get("/admin/translation-status/", query)
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if query else response.content
        text = content.decode()
        assert "Live news in lisbon" in text and "Hub Leipzig" in text
        assert_sees_only_allowed_drafts(role, text)


def test_partner_editor_without_translation_rights_gets_no_report(client, users, news):
    assert not Permission.objects.filter(
        group__in=users["editor_leipzig"].groups.all(), codename="submit_translation"
    ).exists()
    client.force_login(users["editor_leipzig"])
    response = client.get("/admin/translation-status/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("child_of", ["999999", "x", "²", "9" * 40, "%00"])
def test_bulk_select_all_under_an_unknown_parent_is_404(client, superuser, child_of):
    client.force_login(superuser)
    for action in ("delete", "move", "publish", "unpublish"):
        url = f"/admin/bulk/wagtailcore/page/{action}/"
        response = client.get(url, {"id": "all", "childOf": child_of})
        assert response.status_code == 404, (action, child_of)


def test_bulk_select_all_under_a_hidden_parent_is_404(client, users, partners, news):
    """A partner editor can't list another section's children by its ID."""
    client.force_login(users["editor_lisbon"])
    url = "/admin/bulk/wagtailcore/page/publish/"
    response = client.get(url, {"id": "all", "childOf": news["Draft", "leipzig"].pk})
    assert response.status_code == 404
