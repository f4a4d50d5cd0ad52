"""The permission matrix: every role against every action, in a partner's own
section (Lisbon) and in another's (Leipzig), checked both ways: what is
allowed works, what is not is refused (403, a redirect to the login page, or
a form that will not take it) and changes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page

from core.models import SiteDocument
from home.demo import ensure_home
from partners.models import PartnerIndexPage
from partners.sections import section_for
from tests.shared_data import fresh

from .admin_forms import page_form_data
from .conftest import add_page, make_partners, make_services, make_users

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "learner",
    "editor_lisbon",
    "editor_leipzig",
    "translator",
    "moderator",
    "admin",
]
SECTIONS = ["lisbon", "leipzig"]
ACTIONS = ["view_draft", "edit", "add", "publish", "delete", "upload"]


def allowed(role, action, section) -> bool:
    if role in ("moderator", "admin"):
        return True
    if role == f"editor_{section}":
        # Editors do everything in their own section except publish.
        return action != "publish"
    return False


# The permission matrix is 84 tests on one site: it is built once
# for the module (tests/conftest.py, ``module_db``) and each test reads
# fresh rows of it; what a test changes is rolled back after it.
@pytest.fixture(scope="module")
def module_site(module_db):
    directory = add_page(ensure_home(), PartnerIndexPage, title="Partners", slug="partners")
    partners = make_partners(directory, make_services())
    users = make_users(partners)
    return {"partners": partners, "users": users, "drafts": make_drafts(partners, users)}


@pytest.fixture
def partners(module_site, db):
    return fresh(module_site["partners"])


@pytest.fixture
def users(module_site, db):
    return fresh(module_site["users"])


@pytest.fixture
def drafts(module_site, db):
    return fresh(module_site["drafts"])


def make_drafts(partners, users):
    """A never-published news item in each section, owned by the admin."""
    from knowledgebase.models import NewsPage

    return {
        name: add_page(
            partners[name],
            NewsPage,
            publish=False,
            title=f"Draft in {name}",
            slug=f"draft-{name}",
            date=datetime.date(2025, 5, 1),
            owner=users["admin"],
        )
        for name in SECTIONS
    }


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def refused(response) -> bool:
    """403, a redirect to the login page, or Wagtail's "permission denied":
    a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        "/admin/login/" in response["Location"] or response["Location"] == "/admin/"
    )


def not_refused(response):
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        assert not refused(response), response["Location"]


MATRIX = [(role, action, section) for role in ROLES for action in ACTIONS for section in SECTIONS]


@pytest.mark.parametrize("role, action, section", MATRIX)
def test_permission_matrix(client, partners, users, drafts, role, action, section):
    user = users[role]
    login(client, user)
    draft = drafts[section]
    expected = allowed(role, action, section)
    check = globals()[f"check_{action}"]
    check(client, user, draft, partners[section], expected)


def check_view_draft(client, user, draft, partner, expected):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    if expected:
        assert response.status_code == 200
        assert draft.title in response.content.decode()
    else:
        assert refused(response)
    # Whoever asks, the draft never shows at its public address.
    assert client.get(f"{partner.url}{draft.slug}/").status_code == 404


def check_edit(client, user, draft, partner, expected):
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.get(url)
    if not expected:
        assert refused(response)
        data = page_form_data(draft, draft.owner, title="Changed by someone else")
        assert refused(client.post(url, data))
        assert draft.get_latest_revision_as_object().title == draft.title
        return
    assert response.status_code == 200
    data = page_form_data(draft, user, title="Edited title")
    not_refused(client.post(url, data))
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title == "Edited title"
    assert not draft.live


def check_add(client, user, draft, partner, expected):
    url = reverse("wagtailadmin_pages:add", args=["knowledgebase", "newspage", partner.pk])
    response = client.get(url)
    if expected:
        assert response.status_code == 200
    else:
        assert refused(response)
    # The explorer offers "add child page" only to those who may.
    explore = client.get(reverse("wagtailadmin_explore", args=[partner.pk]))
    if expected:
        assert explore.status_code == 200
    elif user is None or not user.has_perm("wagtailadmin.access_admin"):
        assert refused(explore)


def check_publish(client, user, draft, partner, expected):
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = page_form_data(draft, draft.owner, **{"action-publish": "action-publish"})
    response = client.post(url, data)
    draft.refresh_from_db()
    if expected:
        not_refused(response)
        assert draft.live
    else:
        assert not draft.live
        edit_page = client.get(url)
        if edit_page.status_code == 200:
            # An editor may edit, but is not offered "Publish".
            assert 'name="action-publish"' not in edit_page.content.decode()
        else:
            assert refused(edit_page)


def check_delete(client, user, draft, partner, expected):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    exists = Page.objects.filter(pk=draft.pk).exists()
    if expected:
        not_refused(response)
        assert not exists
    else:
        assert refused(response)
        assert exists


def check_upload(client, user, draft, partner, expected):
    collection = section_for(partner).collection
    title = f"Report for {partner.slug}"
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": collection.pk,
            "file": SimpleUploadedFile("report.txt", b"Plain text report.", "text/plain"),
        },
    )
    created = SiteDocument.objects.filter(title=title, collection=collection).exists()
    if expected:
        not_refused(response)
        assert created
    else:
        assert not created
        # Refused outright, or the form does not offer that collection: with
        # one permitted collection Wagtail files the upload there instead.
        assert refused(response) or response.status_code in (200, 302)
        for document in SiteDocument.objects.filter(title=title):
            assert user.has_perm("wagtailadmin.access_admin")
            assert document.collection != collection
            assert document.collection == section_for_user(user).collection


def section_for_user(user):
    from partners.models import PartnerSection

    return PartnerSection.objects.get(group__in=user.groups.all())


def test_editor_cannot_delete_a_live_page_in_own_section(client, partners, users):
    from knowledgebase.models import NewsPage

    live = add_page(
        partners["lisbon"], NewsPage, title="Live news", slug="live", date=datetime.date(2025, 1, 1)
    )
    client.force_login(users["editor_lisbon"])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[live.pk]))
    assert refused(response)
    assert Page.objects.filter(pk=live.pk).exists()


def test_editor_sees_only_own_section_in_explorer(client, partners, users):
    client.force_login(users["editor_lisbon"])
    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hub Lisbon" in html
    assert "Hub Leipzig" not in html
    # Another partner's section: Wagtail sends them back to what they may explore.
    other = client.get(reverse("wagtailadmin_explore", args=[partners["leipzig"].pk]))
    assert other.status_code == 302
    assert other["Location"] != reverse("wagtailadmin_explore", args=[partners["leipzig"].pk])


def png_file():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "purple").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")


def test_image_upload_only_to_own_collection(client, partners, users):
    from wagtail.images import get_image_model

    image_model = get_image_model()
    client.force_login(users["editor_lisbon"])
    for name, expected in (("lisbon", True), ("leipzig", False)):
        collection = section_for(partners[name]).collection
        client.post(
            reverse("wagtailimages:add"),
            {"title": f"Logo {name}", "collection": collection.pk, "file": png_file()},
        )
        assert (
            image_model.objects.filter(title=f"Logo {name}", collection=collection).exists()
            is expected
        )
