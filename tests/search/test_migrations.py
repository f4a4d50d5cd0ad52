"""The search app's squashed migration: a database migrated with the three
migrations it replaces takes it without running anything, and is recorded
as having applied it; no project migration but an app's first says it is
initial."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

SQUASH = ("search", "0001_squashed_0003_page_facets")
REPLACED = [
    ("search", "0001_search_extensions"),
    ("search", "0002_index_locale"),
    ("search", "0003_page_facets"),
]
PROJECT_APPS = {
    "consultation",
    "core",
    "funding",
    "harvest",
    "home",
    "ipcheck",
    "knowledgebase",
    "learning",
    "partners",
    "search",
    "social",
    "wpimport",
}


def test_the_squash_replaces_the_three_old_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert loader.disk_migrations[SQUASH].replaces == REPLACED
    assert ("search", "0001_squashed_0003_page_facets") in loader.disk_migrations[
        ("search", "0004_page_cards")
    ].dependencies


@pytest.mark.django_db
def test_a_database_migrated_before_the_squash_takes_it():
    """As a database migrated with 0001-0004 of the branch before: the rows
    of the replaced migrations, none of the squash."""
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied(*SQUASH)
    for app, name in REPLACED:
        recorder.record_applied(app, name)
    assert SQUASH not in recorder.applied_migrations()

    executor = MigrationExecutor(connection)
    executor.loader.check_consistent_history(connection)  # raises if not
    targets = executor.loader.graph.leaf_nodes()
    assert executor.migration_plan(targets) == []
    executor.migrate(targets)
    applied = MigrationRecorder(connection).applied_migrations()
    assert SQUASH in applied
    assert set(REPLACED) <= set(applied)


def test_only_an_apps_first_migration_is_initial():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    initial = [
        key
        for key, migration in loader.disk_migrations.items()
        if key[0] in PROJECT_APPS and migration.initial
    ]
    wrong = [
        key
        for key in initial
        if any(app == key[0] for app, _name in loader.disk_migrations[key].dependencies)
    ]
    assert wrong == []
    assert {app for app, _name in initial} == PROJECT_APPS
