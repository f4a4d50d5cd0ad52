"""The interface catalogues are complete and in step with the source."""

import polib
import pytest
from django.utils import translation

from core.localization import catalogues

LANGUAGES = catalogues.target_languages()


def test_every_non_english_language_has_a_catalogue():
    assert LANGUAGES == ["de", "fr", "it", "es", "pl", "el"]
    for code in LANGUAGES:
        assert catalogues.catalogue_path(code).exists(), code


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(code):
    po = polib.pofile(str(catalogues.catalogue_path(code)))
    assert catalogues.problems(po) == []
    assert po.metadata["Language"] == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_placeholders_survive_translation(code):
    po = polib.pofile(str(catalogues.catalogue_path(code)))
    import re

    pattern = re.compile(r"%\(\w+\)[sd]")
    for entry in po:
        if not entry.obsolete:
            assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), (
                entry.msgid
            )


def test_catalogues_are_in_step_with_the_source():
    current = catalogues.extracted_msgids()
    assert ("", "Skip to main content") in current
    for code in LANGUAGES:
        held = catalogues.msgids(polib.pofile(str(catalogues.catalogue_path(code))))
        assert current - held == set(), f"{code}: run `make messages` and translate"
        assert held - current == set(), f"{code}: run `make messages` to drop old strings"


def test_problems_spot_fuzzy_and_empty_entries():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Search", msgstr=""))
    po.append(polib.POEntry(msgid="Filter", msgstr="Filtern", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Title", msgstr="Titel"))
    assert catalogues.problems(po) == ["untranslated: 'Search'", "fuzzy: 'Filter'"]


@pytest.mark.parametrize(
    ("code", "text"),
    [("de", "Zum Hauptinhalt springen"), ("el", "Μετάβαση στο κύριο περιεχόμενο")],
)
def test_compiled_catalogues_are_used(code, text):
    # compilemessages runs in `make test` and `make run` (the .mo files are built).
    with translation.override(code):
        assert translation.gettext("Skip to main content") == text
