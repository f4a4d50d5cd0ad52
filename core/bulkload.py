"""Writing many pages at once (``load_demo``): skip the upkeep that every
save does for one page, and do it once for all of them at the end.

Inside ``bulk_load()``:

- Wagtail's reference index is not updated per save (its own switch,
  ``disable_reference_index_auto_update``); ``finish()`` rebuilds it.
- The search backends are not told of each save (modelsearch's receivers are
  disconnected); ``finish()`` runs ``update_index``, which also writes the
  facet rows.
- Receivers that ask ``active()`` do nothing: the facet rows written on each
  publish, the page cache's purges, the chrome's generation bumps, and the
  check that keeps draft translations off the live row (every revision the
  demo writes is published at once). ``finish()`` forgets every cached page
  and chrome.
- The database does not wait for the disk on each commit: SQLite with
  ``synchronous=OFF``, PostgreSQL with ``synchronous_commit=off``. A crash
  can lose the last commits, not corrupt the database (SQLite keeps its
  journal); the demo is rebuilt by running the command again. (Inside a
  transaction SQLite keeps its setting: it commits once, at the end.)

What is written is the same as without it: the same pages, revisions,
translations and log entries.
"""

import contextlib
from contextvars import ContextVar

from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_save

_active: ContextVar[bool] = ContextVar("cf_bulk_load", default=False)


def active() -> bool:
    """Whether a bulk load is running (receivers skip per-save upkeep)."""
    return _active.get()


def _search_receivers():
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    return post_save_signal_handler, models


@contextlib.contextmanager
def _fast_commits():
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        # (SQLite refuses to change it inside a transaction: a caller's
        # atomic block, or a test's.)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous")
            before = cursor.fetchone()[0]
            cursor.execute("PRAGMA synchronous = OFF")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA synchronous = {int(before)}")
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
    else:  # pragma: no cover - the project runs on SQLite and PostgreSQL
        yield


@contextlib.contextmanager
def bulk_load():
    from wagtail.signal_handlers import disable_reference_index_auto_update

    handler, models = _search_receivers()
    for model in models:
        post_save.disconnect(handler, sender=model)
    token = _active.set(True)
    try:
        with disable_reference_index_auto_update(), _fast_commits():
            yield
    finally:
        _active.reset(token)
        for model in models:
            post_save.connect(handler, sender=model)


def finish(verbosity: int = 0) -> None:
    """The upkeep skipped during ``bulk_load()``, once for everything."""
    from core.chrome import renew_everything
    from core.pagecache.purge import purge_everything_on_commit

    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=verbosity)
    renew_everything()
    purge_everything_on_commit()
