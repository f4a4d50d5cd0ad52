"""PO export and import for a page or a section, and what bad files get."""

import io
import zipfile

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

pytestmark = pytest.mark.django_db


def _export(client, page, code, section=False):
    query = {"locale": code}
    if section:
        query["section"] = "1"
    return client.get(f"/admin/translation-po/{page.pk}/export/", query)


def _upload(client, page, code, name, data, publish=True):
    form = {"locale": code, "file": SimpleUploadedFile(name, data)}
    if publish:
        form["publish"] = "on"
    return client.post(f"/admin/translation-po/{page.pk}/import/", form)


def _snapshot():
    """Everything an import could change."""
    strings = sorted(StringTranslation.objects.values_list("pk", "data", "locale_id"))
    pages = sorted(Page.objects.values_list("pk", "title", "live", "latest_revision_id"))
    return strings, pages


def test_po_round_trip_for_a_page(admin_client, section):
    paper = section["en"]["paper"]
    response = _export(admin_client, paper, "de")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    po = polib.pofile(response.content.decode())
    entries = {entry.msgid: entry for entry in po}
    assert entries["Micro-grants for hubs"].msgstr == "Kleinstförderung für Hubs"

    entries["Micro-grants for hubs"].msgstr = "Mikrozuschüsse für Hubs"
    response = _upload(admin_client, paper, "de", "paper.po", str(po).encode())
    assert response.status_code == 302
    german = Page.objects.get(pk=section["de"]["paper"].pk)
    assert german.title == "Mikrozuschüsse für Hubs"
    assert german.live


def test_import_without_publish_saves_a_draft(admin_client, section):
    paper = section["en"]["paper"]
    po = polib.pofile(_export(admin_client, paper, "fr").content.decode())
    for entry in po:
        if entry.msgid == "Micro-grants for hubs":
            entry.msgstr = "Microsubventions pour les hubs"
    response = _upload(admin_client, paper, "fr", "paper.po", str(po).encode(), publish=False)
    assert response.status_code == 302
    french = Page.objects.get(pk=section["fr"]["paper"].pk)
    assert french.title == "Micro-subventions pour hubs"  # live version unchanged
    assert french.get_latest_revision_as_object().title == "Microsubventions pour les hubs"
    assert french.has_unpublished_changes


def test_section_zip_round_trip(admin_client, section):
    index = section["en"]["index"]
    response = _export(admin_client, index, "fr", section=True)
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(archive.namelist()) == 2  # the index and its paper
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as edited:
        for name in archive.namelist():
            po = polib.pofile(archive.read(name).decode())
            for entry in po:
                if entry.msgid == "Policy papers":
                    entry.msgstr = "Notes politiques"
            edited.writestr(name, str(po))
    response = _upload(admin_client, index, "fr", "section.zip", out.getvalue())
    assert response.status_code == 302
    assert Page.objects.get(pk=section["fr"]["index"].pk).title == "Notes politiques"


def _refused(client, page, code):
    response = _export(client, page, code)
    assert response.status_code == 400
    assert "data-refused" in response.content.decode()


def test_export_refuses_pages_not_being_translated_and_bad_locales(admin_client, section):
    _refused(admin_client, section["en"]["paper"], "el")
    _refused(admin_client, section["en"]["paper"], "xx")
    _refused(admin_client, section["en"]["paper"], "")
    response = admin_client.get("/admin/translation-po/999999/export/", {"locale": "de"})
    assert response.status_code == 400


def _bad(admin_client, page, code, name, data):
    before = _snapshot()
    response = _upload(admin_client, page, code, name, data)
    assert response.status_code == 400
    assert _snapshot() == before, "a rejected upload changed something"
    return response.content.decode()


def test_malformed_po_changes_nothing(admin_client, section):
    paper = section["en"]["paper"]
    html = _bad(admin_client, paper, "de", "broken.po", b'msgid "unterminated\nmsgstr ""\n"""')
    assert "not a valid PO file" in html
    html = _bad(admin_client, paper, "de", "empty.po", b"")
    assert 'class="error-message"' in html
    html = _bad(admin_client, paper, "de", "binary.po", b"\xff\xfe\x00garbage")
    assert "UTF-8" in html
    html = _bad(admin_client, paper, "de", "bad.zip", b"PK\x03\x04 not really a zip")
    assert "cannot be opened" in html
    html = _bad(admin_client, paper, "de", "notes.txt", b"hello")
    assert ".po" in html


def test_po_without_translation_id_changes_nothing(admin_client, section):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Micro-grants for hubs", msgstr="Gefälscht"))
    html = _bad(admin_client, section["en"]["paper"], "de", "foreign.po", str(po).encode())
    assert "not exported from this site" in html


def test_po_for_the_wrong_page_changes_nothing(admin_client, section):
    index_po = polib.pofile(_export(admin_client, section["en"]["index"], "de").content.decode())
    for entry in index_po:
        entry.msgstr = "Falsch"
    # Uploaded on the paper's page, but the file belongs to the index page.
    html = _bad(admin_client, section["en"]["paper"], "de", "index.po", str(index_po).encode())
    assert "belongs to another page" in html


def test_po_for_another_locale_changes_nothing(admin_client, section):
    paper = section["en"]["paper"]
    french_po = polib.pofile(_export(admin_client, paper, "fr").content.decode())
    for entry in french_po:
        entry.msgstr = "Faux"
    html = _bad(admin_client, paper, "de", "fr.po", str(french_po).encode())
    assert "translates into" in html


def test_unconfigured_locale_changes_nothing(admin_client, section):
    paper = section["en"]["paper"]
    po = _export(admin_client, paper, "de").content
    html = _bad(admin_client, paper, "xx", "paper.po", po)
    assert "is not a language this site is translated into" in html
    html = _bad(admin_client, paper, "en", "paper.po", po)  # the source language
    assert "is not a language this site is translated into" in html


def test_zip_with_one_bad_file_imports_none(admin_client, section):
    index = section["en"]["index"]
    archive = zipfile.ZipFile(io.BytesIO(_export(admin_client, index, "de", section=True).content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as edited:
        for name in archive.namelist():
            po = polib.pofile(archive.read(name).decode())
            for entry in po:
                entry.msgstr = "Geändert"
            edited.writestr(name, str(po))
        edited.writestr("zz-broken.po", 'msgid "oops')
    _bad(admin_client, index, "de", "section.zip", out.getvalue())


def test_import_page_lists_downloads(admin_client, section):
    response = admin_client.get(f"/admin/translation-po/{section['en']['paper'].pk}/import/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "?locale=de" in html and "section=1" in html
