"""Cache entries, tags and the purge sequence.

Every cached response depends on a few *tags* (``page:12``, ``locale:de``...).
A tag's value is the purge sequence number of its last purge. A purge takes the
next number from the sequence (one atomic ``incr``) and writes it to each tag
it purges, after the transaction that made the change has committed.

A request reads the sequence number *before* it reads anything from the
database. Its response is stored with that number and with the values its tags
had. It is served later only while every tag still has the recorded value, and
it is never stored if a tag was purged after the request began (a value above
the request's number): what the request read from the database may predate
that change. So an entry never outlives a purge of any of its tags, whatever
the timing of requests and purges.
"""

import functools
import hashlib
import logging
import os
import time

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

SEQUENCE_KEY = "pc:seq"
NONCE_PLACEHOLDER = "@@pagecache-nonce@@"


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def tag_key(tag: str) -> str:
    return f"pc:t:{tag}"


SKIPPED_DIRS = {".git", ".venv", "node_modules", "media", "staticfiles", "tests", "__pycache__"}
CODE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".mo", ".json")


@functools.cache
def code_version() -> str:
    """A digest of the code, templates, translations and static manifest,
    read once per process: entries stored by another release are never
    served (no purge is needed on deploy). PAGE_CACHE_VERSION overrides it."""
    if getattr(settings, "PAGE_CACHE_VERSION", ""):
        return settings.PAGE_CACHE_VERSION
    digest = hashlib.sha256()
    for directory, subdirs, files in os.walk(settings.BASE_DIR):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(CODE_SUFFIXES):
                path = os.path.join(directory, name)
                digest.update(os.path.relpath(path, settings.BASE_DIR).encode())
                with open(path, "rb") as file:
                    digest.update(file.read())
    manifest = os.path.join(settings.STATIC_ROOT, "staticfiles.json")
    if os.path.exists(manifest):
        with open(manifest, "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()[:16]


def entry_key(request) -> str:
    """One entry per release, scheme, host, path with query string and language."""
    from django.utils import translation

    raw = "|".join(
        (
            code_version(),
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            translation.get_language() or "",
        )
    )
    return "pc:e:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _start_sequence(store) -> None:
    # A lost sequence restarts at the clock in microseconds, above any number
    # it gave out before (far fewer purges than microseconds have passed), so
    # no old entry can match a new tag value.
    store.add(SEQUENCE_KEY, int(time.time() * 1_000_000), timeout=None)


def read_entry_and_sequence(key: str):
    """``(entry or None, sequence number)`` in one round trip."""
    store = cache()
    found = store.get_many([key, SEQUENCE_KEY])
    sequence = found.get(SEQUENCE_KEY)
    if sequence is None:
        _start_sequence(store)
        sequence = store.get(SEQUENCE_KEY)
    return found.get(key), sequence


def entry_is_current(entry: dict) -> bool:
    tags = entry["tags"]
    current = cache().get_many([tag_key(tag) for tag in tags])
    return all(current.get(tag_key(tag)) == value for tag, value in tags.items())


def tag_values(tags, sequence: int) -> dict | None:
    """The current value of each tag (a tag seen for the first time starts at
    ``sequence``); None when one was purged after the request began."""
    store = cache()
    keys = {tag: tag_key(tag) for tag in tags}
    current = store.get_many(list(keys.values()))
    for key in keys.values():
        if key not in current:
            store.add(key, sequence, timeout=None)
            current[key] = store.get(key)
    values = {tag: current[key] for tag, key in keys.items()}
    if any(value is None or value > sequence for value in values.values()):
        return None
    return values


def save_entry(key: str, entry: dict) -> None:
    cache().set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)


_failed_purge = False


def bump(tags) -> None:
    """Purge these tags: every entry that depends on one of them is dead."""
    global _failed_purge
    tags = set(tags)
    if not tags:
        return
    if _failed_purge:
        # A purge from this process was lost (cache unreachable): purge all.
        tags.add("all")
    store = cache()
    try:
        try:
            number = store.incr(SEQUENCE_KEY)
        except ValueError:  # no sequence yet
            _start_sequence(store)
            number = store.incr(SEQUENCE_KEY)
        store.set_many({tag_key(tag): number for tag in tags}, timeout=None)
    except Exception:
        _failed_purge = True
        logger.exception("Page cache purge failed; entries expire after PAGE_CACHE_SECONDS")
        return
    _failed_purge = False
