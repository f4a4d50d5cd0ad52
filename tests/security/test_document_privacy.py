"""A document is as private as the pages that use it: downloads at
/documents/<id>/<name> and the documents API, for anonymous visitors,
logged-in readers, group members and editors."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from core.demo_tools import ensure_page
from core.models import SiteDocument
from knowledgebase.models import NewsIndexPage, NewsPage, PolicyPaperIndexPage
from knowledgebase.pdf import make_pdf
from tests.knowledgebase.conftest import make_paper

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home):
    return {
        "papers": ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers"),
        "news": ensure_page(home, NewsIndexPage, "news", title="News"),
    }


@pytest.fixture
def editor_client(superuser):
    """Uploads go through the real admin view (which extracts the text)."""
    editor = Client()
    editor.force_login(superuser)

    def upload(title, words):
        data = make_pdf(title, [[f"The {title} report is about {words}."] * 3])
        name = title.lower().replace(" ", "-") + ".pdf"
        response = editor.post(
            reverse("wagtaildocs:add"),
            {"title": title, "file": SimpleUploadedFile(name, data), "collection": 1},
        )
        assert response.status_code == 302
        return SiteDocument.objects.get(title=title)

    editor.upload = upload
    return editor


@pytest.fixture
def reader(django_user_model):
    """A logged-in site user with no admin rights."""
    return django_user_model.objects.create_user("reader", "reader@example.com", "pw-reader-1")


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("member", "member@example.com", "pw-member-1")
    user.groups.add(Group.objects.create(name="Members"))
    return user


@pytest.fixture
def document_editor(django_user_model):
    """In Wagtail's "Editors" group: may add, change and choose documents."""
    user = django_user_model.objects.create_user("ed", "ed@example.com", "pw-editor-1")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def restrict(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name="Members")])
    return restriction


def download(client, document, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def assert_served(response):
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def assert_login_asked(response, document):
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert f"/documents/{document.pk}/" in response["Location"]


# -- downloads ------------------------------------------------------------------------


def test_document_of_a_public_page_is_served_to_anyone(client, editor_client, sections):
    document = editor_client.upload("Open study", "finance")
    make_paper(sections["papers"], document=document)
    response = download(client, document)
    assert_served(response)
    assert "private" not in response.get("Cache-Control", "")


def test_document_of_a_login_restricted_page(client, editor_client, sections, reader):
    document = editor_client.upload("Members study", "skills")
    restrict(make_paper(sections["papers"], document=document), PageViewRestriction.LOGIN)
    assert_login_asked(download(client, document), document)
    response = download(client, document, reader)
    assert_served(response)
    # No shared cache may keep it for the next visitor.
    assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]


def test_document_of_a_group_restricted_page(client, editor_client, sections, reader, member):
    document = editor_client.upload("Group study", "skills")
    restrict(make_paper(sections["papers"], document=document), PageViewRestriction.GROUPS)
    assert_login_asked(download(client, document), document)
    assert download(client, document, reader).status_code == 403
    assert_served(download(client, document, member))


def test_document_of_a_password_page_after_the_password(client, editor_client, sections):
    document = editor_client.upload("Secret study", "skills")
    paper = make_paper(sections["papers"], document=document)
    restriction = restrict(paper, PageViewRestriction.PASSWORD, password="open-sesame")
    assert_login_asked(download(client, document), document)
    answer = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, paper.pk]),
        {"password": "open-sesame", "return_url": paper.url},
    )
    assert answer.status_code == 302
    assert_served(download(client, document))


def test_a_restriction_on_an_ancestor_counts(client, editor_client, sections, reader):
    document = editor_client.upload("Deep study", "skills")
    make_paper(sections["papers"], document=document)
    restrict(sections["papers"], PageViewRestriction.LOGIN)
    assert_login_asked(download(client, document), document)
    assert_served(download(client, document, reader))


def test_one_public_page_makes_it_public(client, editor_client, sections):
    document = editor_client.upload("Shared study", "skills")
    restrict(make_paper(sections["papers"], document=document), PageViewRestriction.LOGIN)
    ensure_page(
        sections["news"],
        NewsPage,
        "read-the-study",
        title="Read the study",
        summary="A link.",
        body=f'<p><a linktype="document" id="{document.pk}">The study</a></p>',
    )
    assert_served(download(client, document))


def test_an_upload_no_live_page_uses_is_for_editors_only(
    client, editor_client, home, reader, document_editor, superuser
):
    document = editor_client.upload("Draft upload", "plans")
    assert_login_asked(download(client, document), document)
    assert download(client, document, reader).status_code == 403
    assert_served(download(client, document, document_editor))
    assert_served(download(client, document, superuser))


def test_a_draft_pages_document_is_public_only_while_the_page_is_live(
    client, editor_client, sections
):
    document = editor_client.upload("Draft study", "plans")
    paper = make_paper(sections["papers"], document=document)
    paper.unpublish()
    assert_login_asked(download(client, document), document)
    paper.save_revision().publish()
    assert_served(download(client, document))


def test_the_check_costs_the_same_for_one_page_or_many(client, editor_client, sections):
    one = editor_client.upload("One page", "plans")
    restrict(make_paper(sections["papers"], document=one), PageViewRestriction.LOGIN)
    many = editor_client.upload("Many pages", "plans")
    for _number in range(6):
        restrict(make_paper(sections["papers"], document=many), PageViewRestriction.LOGIN)
    counts = []
    for document in (one, many):
        with CaptureQueriesContext(connection) as queries:
            assert download(client, document).status_code == 302
        counts.append(len(queries))
    assert counts[0] == counts[1]


# -- the documents API --------------------------------------------------------------------


@pytest.fixture
def three_documents(editor_client, sections):
    public = editor_client.upload("Public study", "cooperatives")
    make_paper(sections["papers"], document=public)
    private = editor_client.upload("Private study", "salaries")
    restrict(make_paper(sections["papers"], document=private), PageViewRestriction.LOGIN)
    draft = editor_client.upload("Draft notes", "mergers")
    return public, private, draft


def api_ids(client, **params):
    response = client.get("/api/v2/documents/", params)
    assert response.status_code == 200
    return [item["id"] for item in response.json()["items"]]


def test_api_lists_only_what_anyone_may_download(client, three_documents, superuser):
    public, private, draft = three_documents
    assert api_ids(client) == [public.pk]
    client.force_login(superuser)  # the API answers the same to everyone
    assert api_ids(client) == [public.pk]


def test_api_search_cannot_reach_private_text(client, three_documents):
    public, private, draft = three_documents
    assert "salaries" in private.text and "mergers" in draft.text
    assert api_ids(client, search="cooperatives") == [public.pk]
    assert api_ids(client, search="salaries") == []
    assert api_ids(client, search="mergers") == []
    assert api_ids(client, search="study") == [public.pk]


def test_api_detail_of_a_private_document_is_not_found(client, three_documents):
    public, private, draft = three_documents
    assert client.get(f"/api/v2/documents/{public.pk}/").status_code == 200
    assert client.get(f"/api/v2/documents/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{draft.pk}/").status_code == 404
