"""Workarounds for upstream behaviour, one module each, connected in
``CoreConfig.ready()`` and nowhere else.

Each module says in its docstring what upstream does and what it does
instead, names the library versions it was written for (``WRITTEN_FOR``,
checked against the installed ones by ``tests/core/test_patches.py``), and has
a guard test that exercises the upstream behaviour without the patch and
fails once upstream changes: then the patch is to be reviewed, and probably
deleted. Receivers are connected per concrete sender, with a ``dispatch_uid``.

Workarounds that belong to one app live in that app and follow the same rules
(``partners/signals.py``); docs/architecture.md section 5 lists them all.
"""

from core.patches import draft_translations, locale_labels, synchronised_links

PATCHES = (synchronised_links, draft_translations, locale_labels)


def connect() -> None:
    for patch in PATCHES:
        patch.connect()
