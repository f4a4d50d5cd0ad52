"""PO export and import follow Wagtail's page permissions, not only the
global "submit translation" right (docs/translation.md): a translator's
import is a draft that goes through the page's workflow, publishing needs
publish rights on the translated page, importing needs edit rights on it,
and exporting needs edit rights on the source page, or a live source page
whose translation the user may edit."""

# The partners tests' fixtures are imported below; test arguments name them.
# ruff: noqa: F811

import datetime
import io
import zipfile

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission, Page, Revision, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from core.translation import translate_object
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

LIVE_TITLE = "Open day in Lisbon"
LIVE_GERMAN = "Tag der offenen Tür in Lissabon"
LISBON_DRAFT = "Spring programme draft"
LEIPZIG_DRAFT = "Leipzig workshop draft"


@pytest.fixture
def site(home_all_locales, partners, users, django_capture_on_commit_callbacks):
    """German copies of the directory and both hubs; under Lisbon a live news
    item with a live German translation and its editor's never-published
    draft; under Leipzig its editor's draft. Both drafts were submitted for
    translation: their German copies are drafts too."""
    from knowledgebase.models import NewsPage

    def translate(page, strings, publish=True):
        # One transaction each, parents first, as wagtail-localize expects.
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate_object(page, "de", strings, publish=publish)
        return Page.objects.get(pk=translated.pk)

    translate(partners["lisbon"].get_parent(), {"Partners": "Partner"})
    translate(partners["lisbon"], {"Hub Lisbon": "Hub Lissabon"})
    translate(partners["leipzig"], {"Hub Leipzig": "Hub Leipzig"})

    def news(section, title, publish):
        return add_page(
            partners[section],
            NewsPage,
            publish=publish,
            title=title,
            slug=title.lower().replace(" ", "-"),
            date=datetime.date(2025, 4, 1),
            owner=users[f"editor_{section}"],
        )

    live = news("lisbon", LIVE_TITLE, True)
    lisbon_draft = news("lisbon", LISBON_DRAFT, False)
    leipzig_draft = news("leipzig", LEIPZIG_DRAFT, False)
    return {
        "live": (live, translate(live, {LIVE_TITLE: LIVE_GERMAN})),
        "lisbon_draft": (lisbon_draft, translate(lisbon_draft, {}, publish=False)),
        "leipzig_draft": (leipzig_draft, translate(leipzig_draft, {}, publish=False)),
    }


def export(client, page, section=False):
    query = {"locale": "de", **({"section": "1"} if section else {})}
    return client.get(f"/admin/translation-po/{page.pk}/export/", query)


def upload(client, page, data, name="news.po", publish=True):
    form = {"locale": "de", "file": SimpleUploadedFile(name, data)}
    if publish:
        form["publish"] = "on"
    return client.post(f"/admin/translation-po/{page.pk}/import/", form)


def translated_po(po_text, title, new_title):
    po = polib.pofile(po_text)
    for entry in po:
        if entry.msgid == title:
            entry.msgstr = new_title
    return str(po).encode()


def po_of(source):
    """The PO file of a page's German translation, as an admin exports it."""
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale__language_code="de"
    )
    return str(translation.export_po())


def snapshot():
    strings = sorted(StringTranslation.objects.values_list("pk", "data"))
    pages = sorted(Page.objects.values_list("pk", "title", "live", "latest_revision_id"))
    return strings, pages, Revision.objects.count(), WorkflowState.objects.count()


def test_translator_import_is_a_draft_submitted_for_review(
    client, site, users, django_capture_on_commit_callbacks
):
    source, german = site["live"]
    client.force_login(users["translator"])
    response = export(client, source)
    assert response.status_code == 200
    data = translated_po(response.content.decode(), LIVE_TITLE, "Offener Tag in Lissabon")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, source, data, publish=True)
    assert response.status_code == 302

    german = Page.objects.get(pk=german.pk)
    assert german.live and german.title == LIVE_GERMAN
    # "publish" was ticked by hand: the form does not offer it to a translator.
    form = client.get(f"/admin/translation-po/{source.pk}/import/")
    assert form.status_code == 200
    assert 'name="publish"' not in form.content.decode()
    assert "data-review-note" in form.content.decode()
    assert german.get_latest_revision_as_object().title == "Offener Tag in Lissabon"
    state = german.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == users["translator"]

    # A moderator's approval is what publishes it.
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["moderator"], "approve")
    assert Page.objects.get(pk=german.pk).title == "Offener Tag in Lissabon"


def test_partner_draft_cannot_go_live_through_a_translator_import(
    client, site, users, partners, django_capture_on_commit_callbacks
):
    source, german = site["lisbon_draft"]
    data = translated_po(po_of(source), LISBON_DRAFT, "Frühjahrsprogramm")
    client.force_login(users["translator"])

    # The draft's own import page: the translator may not see that page.
    before = snapshot()
    response = upload(client, source, data, publish=True)
    assert response.status_code == 400
    assert LISBON_DRAFT not in response.content.decode()
    assert snapshot() == before

    # Through the live hub's section: a German draft, sent for review.
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, partners["lisbon"], data, publish=True)
    assert response.status_code == 302
    german = Page.objects.get(pk=german.pk)
    assert not german.live
    assert german.get_latest_revision_as_object().title == "Frühjahrsprogramm"
    assert german.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_translator_cannot_export_drafts(client, site, users, partners):
    source, _german = site["leipzig_draft"]
    client.force_login(users["translator"])
    response = export(client, source)
    assert response.status_code == 400
    assert LEIPZIG_DRAFT not in response.content.decode()

    # The hub's section: the live hub's file, not the draft's.
    response = export(client, partners["leipzig"], section=True)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    contents = [archive.read(name).decode() for name in archive.namelist()]
    assert len(contents) == 1 and "Hub Leipzig" in contents[0]

    # A moderator may edit the source: the draft's file comes out.
    client.force_login(users["moderator"])
    response = export(client, source)
    assert response.status_code == 200
    assert LEIPZIG_DRAFT in response.content.decode()
    response = export(client, partners["leipzig"], section=True)
    assert len(zipfile.ZipFile(io.BytesIO(response.content)).namelist()) == 2


def test_moderator_publishes_an_import(client, site, users, django_capture_on_commit_callbacks):
    source, german = site["live"]
    client.force_login(users["moderator"])
    assert users["moderator"].has_perm("wagtail_localize.submit_translation")
    form = client.get(f"/admin/translation-po/{source.pk}/import/")
    assert 'name="publish"' in form.content.decode()
    data = translated_po(export(client, source).content.decode(), LIVE_TITLE, "Tag der Hubs")
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, source, data, publish=True)
    assert response.status_code == 302
    german = Page.objects.get(pk=german.pk)
    assert german.live and german.title == "Tag der Hubs"
    assert german.current_workflow_state is None


def test_import_needs_edit_rights_on_the_translated_page(client, site, users, partners, make_user):
    """A Lisbon editor given the translation tools exports the section's own
    pages (edit rights on the source) but may not import into the German
    pages, which only translators and moderators edit."""
    editor = make_user("lisbon_with_tools", section_for(partners["lisbon"]).group)
    editor.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    client.force_login(editor)
    source, _german = site["lisbon_draft"]
    response = export(client, source)
    assert response.status_code == 200
    assert export(client, site["leipzig_draft"][0]).status_code == 400

    data = translated_po(response.content.decode(), LISBON_DRAFT, "Frühjahrsprogramm")
    before = snapshot()
    response = upload(client, source, data, publish=False)
    assert response.status_code == 403
    assert "You may not edit the translation of" in response.content.decode()
    assert snapshot() == before

    # The translator may.
    client.force_login(users["translator"])
    assert upload(client, partners["lisbon"], data, publish=False).status_code == 302


def test_publishing_needs_publish_rights_on_the_translated_page(
    client, site, home_all_locales, make_user
):
    """A translator who may also publish the French tree is offered "publish"
    on the home page's section (its French version is theirs to publish), and
    refused it for a German page in that section."""
    group = Group.objects.create(name="French publishers")
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=home_all_locales["fr"],
            permission=Permission.objects.get(codename=codename),
        )
    client.force_login(make_user("fr_publisher", group, Group.objects.get(name=TRANSLATORS)))
    home = home_all_locales["en"]
    form = client.get(f"/admin/translation-po/{home.pk}/import/")
    assert 'name="publish"' in form.content.decode()
    source, german = site["live"]
    data = translated_po(export(client, source).content.decode(), LIVE_TITLE, "Tag der Hubs")

    before = snapshot()
    response = upload(client, home, data, publish=True)
    assert response.status_code == 403
    assert "You may not publish the translation of" in response.content.decode()
    assert snapshot() == before
    assert upload(client, home, data, publish=False).status_code == 302
    assert Page.objects.get(pk=german.pk).title == LIVE_GERMAN
