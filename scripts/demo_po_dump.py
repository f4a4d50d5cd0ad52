"""One-off: dump the translations of a database built by the old load_demo
into demo/locale/<lang>.po (wagtail-localize's msgctxt and msgid, block ids
made stable by core.demo_ids), then read the files back and check that
every stored translation is found.

    DATABASE_URL=sqlite:////tmp/ref.db python scripts/demo_po_dump.py
"""

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.dev")

import django  # noqa: E402

django.setup()

import polib  # noqa: E402
from wagtail.models import Page  # noqa: E402
from wagtail_localize.models import Translation  # noqa: E402

from core import demo_ids  # noqa: E402
from core.demo_catalogue import DEMO_DIR, Catalogue  # noqa: E402

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def label(instance) -> str:
    name = getattr(instance, "slug", None) or str(instance)
    return f"{instance._meta.label_lower} {name}"


def main():
    entries = defaultdict(dict)  # code -> (ctx, msgid) -> [msgstr, comment]
    conflicts = []
    checks = []
    mappings = {}
    for translation in (
        Translation.objects.filter(enabled=True)
        .select_related("source", "target_locale")
        .order_by("source__id", "target_locale__language_code")
    ):
        code = translation.target_locale.language_code
        key = translation.source_id
        if key not in mappings:
            instance = translation.source.get_source_instance()
            if isinstance(instance, Page):
                instance = instance.specific
                mappings[key] = (demo_ids.apply(instance), label(instance))
            else:
                mappings[key] = ({}, label(instance))
        mapping, name = mappings[key]
        for entry in translation.export_po():
            if entry.obsolete:
                continue
            # Untranslated segments (names, slugs) stay in with an empty
            # msgstr: the source text stands, and the string is known.
            ctx = UUID.sub(
                lambda m, mapping=mapping: mapping.get(m.group(0), m.group(0)), entry.msgctxt
            )
            if entry.msgstr:
                checks.append((code, ctx, entry.msgid, entry.msgstr))
            held = entries[code].get((ctx, entry.msgid))
            if held is None or not held[0]:
                entries[code][(ctx, entry.msgid)] = [entry.msgstr, name]
            elif entry.msgstr and held[0] != entry.msgstr:
                conflicts.append((code, ctx, entry.msgid, held[0], entry.msgstr, name))
    folder = DEMO_DIR / "locale"
    folder.mkdir(parents=True, exist_ok=True)
    for code, held in sorted(entries.items()):
        po = polib.POFile(wrapwidth=100)
        po.metadata = {
            "Project-Id-Version": "Creative FLIP demo",
            "Language": code,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
        for (ctx, msgid), (msgstr, name) in held.items():
            po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, comment=name))
        po.save(str(folder / f"{code}.po"))
    # Round trip: every stored translation is found again.
    read = {code: Catalogue(polib.pofile(str(folder / f"{code}.po"))) for code in entries}
    missing = [c for c in checks if read[c[0]].exact.get((c[1], c[2])) != c[3]]
    print(f"{len(checks)} translated segments, {sum(map(len, entries.values()))} entries")
    print(f"{len(conflicts)} conflicts, {len(missing)} not found after the round trip")
    for conflict in conflicts[:20]:
        print("conflict:", conflict)
    for miss in missing[:20]:
        print("missing:", miss)


main()
