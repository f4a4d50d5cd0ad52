"""Checks on the interface catalogues in ``locale/<lang>/LC_MESSAGES/django.po``.

- every entry is translated and none is fuzzy (nor the header);
- the catalogues are in step with the source: extracting the strings again
  (Django's ``makemessages``, written to a temporary folder) gives the same
  msgids as the catalogue holds.

Run ``python -m core.localization.catalogues`` after ``make messages`` to
list what is left to translate.
"""

import contextlib
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.commands.makemessages import Command as MakeMessages

IGNORE = [".venv", "node_modules", "staticfiles", "media"]


def target_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue_path(code: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"


def msgids(po) -> set[tuple[str, str]]:
    return {(entry.msgctxt or "", entry.msgid) for entry in po if not entry.obsolete}


def problems(po) -> list[str]:
    """Untranslated or fuzzy entries of a catalogue, as readable lines."""
    found = []
    if po.metadata_is_fuzzy:
        found.append("the header is marked fuzzy")
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            found.append(f"untranslated: {entry.msgid!r}")
    return found


class _ExtractInto(MakeMessages):
    """``makemessages`` writing only into ``target`` (never the project's
    catalogues)."""

    def __init__(self, target: str):
        super().__init__()
        self.target = target

    def build_potfiles(self):
        self.locale_paths = [self.target]
        self.default_locale_path = self.target
        return super().build_potfiles()

    def find_files(self, root):
        files = super().find_files(root)
        for translatable in files:
            translatable.locale_dir = self.target
        return files


def extracted_msgids() -> set[tuple[str, str]]:
    """The msgids the source code and templates hold now."""
    with tempfile.TemporaryDirectory() as target, contextlib.chdir(settings.BASE_DIR):
        call_command(
            _ExtractInto(target),
            locale=[target_languages()[0]],
            ignore_patterns=IGNORE,
            verbosity=0,
        )
        po = polib.pofile(str(Path(target) / target_languages()[0] / "LC_MESSAGES" / "django.po"))
        return msgids(po)


def report() -> dict[str, list[str]]:
    """``{language: [problem, ...]}`` for every catalogue."""
    current = extracted_msgids()
    result = {}
    for code in target_languages():
        path = catalogue_path(code)
        if not path.exists():
            result[code] = [f"{path} is missing"]
            continue
        po = polib.pofile(str(path))
        lines = problems(po)
        held = msgids(po)
        lines += [f"not in the catalogue (run make messages): {m[1]!r}" for m in current - held]
        lines += [f"no longer in the source (run make messages): {m[1]!r}" for m in held - current]
        result[code] = lines
    return result


if __name__ == "__main__":  # pragma: no cover
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.test")
    django.setup()
    failures = 0
    for code, lines in report().items():
        for line in lines:
            print(f"{code}: {line}")
        failures += len(lines)
    print("catalogues complete" if not failures else f"{failures} problem(s)")
    sys.exit(1 if failures else 0)
