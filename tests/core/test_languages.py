"""The table of languages (core/languages.py) is the only list of them."""

import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from core import extraction, languages

ROOT = Path(__file__).resolve().parents[2]


def test_settings_derive_from_the_table():
    assert settings.LANGUAGE_CODE == languages.SOURCE
    assert [code for code, _name in settings.LANGUAGES] == list(languages.CODES)
    assert list(settings.WAGTAIL_CONTENT_LANGUAGES) == list(settings.LANGUAGES)
    assert dict(settings.LANGUAGES)["el"] == "Ελληνικά"


def test_search_maps_derive_from_the_table():
    from search.backends import LANGUAGE_ANALYZERS, LANGUAGE_CONFIGS, STEMMER_LANGUAGES

    assert list(LANGUAGE_CONFIGS) == list(languages.CODES)
    assert list(STEMMER_LANGUAGES) == list(languages.CODES)
    assert list(LANGUAGE_ANALYZERS) == list(languages.CODES)
    assert LANGUAGE_CONFIGS["pl"] == "simple"
    assert STEMMER_LANGUAGES["pl"] is None
    assert LANGUAGE_CONFIGS["de"] == STEMMER_LANGUAGES["de"] == "german"


def test_extraction_guesses_every_language_of_the_table():
    assert set(extraction._stopword_sets()) == set(languages.CODES)
    for language in languages.TABLE:
        text = " ".join(language.stopwords.split() * 3)
        assert extraction.detect_language(text) == language.code


def test_demo_and_benchmark_lists_are_the_table():
    from core import demo_pictures
    from funding import demo as funding_demo
    from learning import demo as learning_demo

    assert tuple(funding_demo.LANGS) == languages.CODES
    assert tuple(learning_demo.LANGUAGES) == languages.CODES
    assert tuple(demo_pictures.LANGUAGES) == languages.CODES


def test_makefile_messages_asks_the_table():
    result = subprocess.run(
        [sys.executable, "-I", str(ROOT / "core" / "languages.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [part for c in languages.TARGET_CODES for part in ("-l", c)]
    makefile = (ROOT / "Makefile").read_text()
    messages = next(line for line in makefile.splitlines() if "makemessages" in line)
    assert "core/languages.py" in messages
    assert not re.search(r"-l [a-z]{2}\b", makefile)


def _code_lists(text: str) -> list[str]:
    """Runs of three or more quoted language codes separated by commas: a
    literal list of the site's languages."""
    code = "|".join(languages.CODES)
    quoted = rf"""(["'])(?:{code})\1"""
    return [m.group(0) for m in re.finditer(rf"{quoted}(?:\s*,\s*{quoted}){{2,}}", text)]


def test_no_other_module_writes_the_list_of_codes():
    assert _code_lists('LANGS = ("en", "de", "fr")')
    assert _code_lists("x = ['de', 'fr', 'it', 'es']")
    assert not _code_lists('{"de": "german", "fr": "french"}')

    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    offenders = {}
    for name in tracked:
        if name.startswith("tests/") or "/migrations/" in name or name == "core/languages.py":
            continue
        found = _code_lists((ROOT / name).read_text(encoding="utf-8"))
        if found:
            offenders[name] = found
    assert offenders == {}
