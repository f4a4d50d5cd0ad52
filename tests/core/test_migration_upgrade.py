"""A later Wagtail release adds a migration: the project's applied
migrations must stay consistent, and migrating applies just the new one.

Simulated with a throwaway copy of Wagtail's migrations plus one more,
named through MIGRATION_MODULES. A project migration that depended on
``("wagtailcore", "__latest__")`` would now depend on an unapplied one and
Django would refuse with InconsistentMigrationHistory.
"""

import shutil
import sys

import pytest
import wagtail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.test import override_settings

LATER = """
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "{last}")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
"""


@pytest.fixture
def later_wagtail(tmp_path):
    """A package of Wagtail's own migrations and a fake next one. Without
    the squashed migration, whose replaced ones are all there: a squash is a
    second leaf until Django remaps it, which would hide a "__latest__"."""
    package = tmp_path / "later_wagtailcore_migrations"
    source = shutil.copytree(
        f"{wagtail.__path__[0]}/migrations",
        package,
        ignore=shutil.ignore_patterns("__pycache__", "*_squashed_*"),
    )
    last = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("wagtailcore")[0][1]
    (source / "9999_a_later_release.py").write_text(LATER.format(last=last))
    sys.path.insert(0, str(tmp_path))
    yield "later_wagtailcore_migrations"
    sys.path.remove(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("later_wagtailcore_migrations")]:
        del sys.modules[name]


@pytest.mark.django_db
def test_a_later_wagtail_migration_keeps_the_history_consistent(later_wagtail):
    with override_settings(MIGRATION_MODULES={"wagtailcore": later_wagtail}):
        executor = MigrationExecutor(connection)
        executor.loader.check_consistent_history(connection)  # raises if not
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert [migration.name for migration, _backwards in plan] == ["9999_a_later_release"]


def test_no_project_migration_depends_on_a_moving_target():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    moving = [
        (key, dependency)
        for key, migration in loader.disk_migrations.items()
        for dependency in migration.dependencies
        if dependency[1] == "__latest__" and not key[0].startswith("wagtail")
    ]
    assert moving == []
