"""Issue 12: a module's teacher download and lesson document show the link
title translated with the page, and say when the file is in English."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from core.models import SiteDocument

from .conftest import make_module

pytestmark = pytest.mark.django_db


def test_a_german_module_shows_translated_link_titles_and_the_files_language(
    client, home_all_locales, index, translate
):
    notes = SiteDocument(title="Teacher notes", file_language="en")
    notes.file.save("notes.txt", ContentFile(b"Notes for teachers."), save=False)
    notes.save()
    module = make_module(
        index,
        "first-steps",
        teacher_downloads=[
            ("download", {"document": notes, "title": "Notes for teachers", "note": ""})
        ],
        lessons=[("document", {"document": notes, "title": "", "description": "Read first"})],
    )
    translate(index, "de")
    german = translate(module, "de", {"Notes for teachers": "Hinweise für Lehrkräfte"})

    html = client.get(german.url).content.decode()
    link = re.search(r"<a [^>]*>Hinweise für Lehrkräfte</a>", html)
    assert link and 'hreflang="en"' in link.group(0)
    assert "Notes for teachers" not in html
    with translation.override("de"):
        note = translation.gettext("in English")
    assert f"(TXT, {note}" in html
    # Without a link title, the document's own title, marked as English.
    assert re.search(r'hreflang="en"><span lang="en">Teacher notes</span></a>', html)

    english = client.get(module.url).content.decode()
    assert "Notes for teachers</a>" in english
    assert not re.search(r"<a [^>]*hreflang=\"en\"[^>]*>Notes for teachers", english)
