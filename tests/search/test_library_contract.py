"""What the overrides in ``search/backends/`` take from modelsearch (Wagtail
8's search library) and Wagtail: an upgrade that changes any of it fails
here, loudly, before it fails in the admin.

- The installed versions are inside the ranges the overrides were written
  for (``search.backends.WRITTEN_FOR``), and pyproject.toml pins the same.
- Every query compiler an upstream backend names (search, autocomplete, and
  any a later version adds) is replaced by one of ours.
- The project's index table (PostgreSQL) has exactly the columns of
  Wagtail's plus ``locale_id``, the raw UPSERT of
  ``search/backends/pg_index.py`` writes them all, and modelsearch's
  ``index_entries`` leads to it.
"""

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from django.db import connection
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from search.backends import WRITTEN_FOR

from .conftest import on_postgres

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def pinned() -> dict[str, SpecifierSet]:
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    requirements = [Requirement(line) for line in dependencies]
    return {r.name.lower(): r.specifier for r in requirements}


@pytest.mark.parametrize("package", sorted(WRITTEN_FOR))
def test_installed_version_is_the_one_the_overrides_were_written_for(package):
    written_for = SpecifierSet(WRITTEN_FOR[package])
    assert version(package) in written_for, (
        f"{package} {version(package)} is installed; search/backends/ was written for "
        f"{written_for}: review the overrides, then widen search.backends.WRITTEN_FOR"
    )
    assert pinned()[package] == written_for


def compiler_attributes(backend_class) -> list[str]:
    return [name for name in dir(backend_class) if name.endswith("query_compiler_class")]


def overrides(ours, upstream, base):
    """Each compiler the upstream backend names, ours in its place: a
    subclass of upstream's and of ``base``."""
    names = compiler_attributes(upstream)
    assert {"query_compiler_class", "autocomplete_query_compiler_class"} <= set(names)
    for name in names:
        compiler = getattr(ours, name)
        assert compiler is not getattr(upstream, name), name
        assert issubclass(compiler, getattr(upstream, name)), name
        assert issubclass(compiler, base), name


@pytest.mark.skipif(not on_postgres(), reason="the PostgreSQL backend's models")
def test_every_postgres_compiler_is_ours():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    from search.backends.postgres import LocalePostgresSearchBackend, TwoStepRanking

    overrides(LocalePostgresSearchBackend, PostgresSearchBackend, TwoStepRanking)


@pytest.mark.skipif(on_postgres(), reason="the SQLite backend's models")
def test_every_sqlite_compiler_is_ours():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from search.backends import sqlite

    overrides(sqlite.SQLiteSearchBackend, SQLiteSearchBackend, sqlite.SQLiteSearchQueryCompiler)


@pytest.mark.parametrize("module", ["elasticsearch8", "opensearch"])
def test_every_engine_compiler_uses_our_mapping(module):
    """The per-language fields live in the mapping: a compiler with
    upstream's mapping would not know them."""
    from importlib import import_module

    backend = import_module(f"search.backends.{module}").SearchBackend
    for name in compiler_attributes(backend):
        assert getattr(backend, name).mapping_class is backend.mapping_class, name


def upsert_columns(sql: str) -> tuple[list[str], list[str]]:
    """The columns of the UPSERT's INSERT, and those its ON CONFLICT sets."""
    inserted = re.search(r"INSERT INTO \S+ \(([^)]*)\)", sql).group(1)
    updated = re.findall(r"(\w+) = EXCLUDED\.\1", sql)
    return [c.strip() for c in inserted.split(",")], updated


@pytest.mark.skipif(not on_postgres(), reason="the UPSERT is PostgreSQL's")
@pytest.mark.django_db
def test_the_projects_index_table_has_wagtails_columns_and_the_locale():
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    from search.backends.pg_index import UPSERT
    from search.models import LocaleIndexEntry

    def columns(model):
        return {field.column for field in model._meta.concrete_fields if not field.primary_key}

    # Wagtail's row (the abstract model both are made from), the locale and
    # the facets: a column upstream adds or drops shows here and in the
    # UPSERT below.
    assert columns(LocaleIndexEntry) == columns(IndexEntry) | {"locale_id", "facets"}
    inserted, updated = upsert_columns(UPSERT)
    assert len(inserted) == len(set(inserted))
    assert set(inserted) == columns(LocaleIndexEntry)
    # A conflict rewrites every column but the key.
    assert sorted(updated) == sorted(set(inserted) - {"content_type_id", "object_id"})
    with connection.cursor() as cursor:
        table = connection.introspection.get_table_description(
            cursor, LocaleIndexEntry._meta.db_table
        )
    assert {column.name for column in table} == columns(LocaleIndexEntry) | {"id"}


@pytest.mark.skipif(not on_postgres(), reason="the project's table is PostgreSQL's")
def test_modelsearchs_queries_read_the_projects_index_table():
    """modelsearch's compilers name ``index_entries``; search's ready()
    points it at the project's table on every indexed model."""
    from modelsearch.index import get_indexed_models

    from search.models import LocaleIndexEntry

    for model in get_indexed_models():
        relation = model._meta.get_field("index_entries")
        assert relation.related_model is LocaleIndexEntry, model
