"""The search app's tables and PostgreSQL set-up, in one migration.

Squashes 0001_search_extensions, 0002_index_locale and 0003_page_facets
(``replaces``): a database that applied those three is recorded as having
applied this one, and runs nothing; a new database runs this.

On PostgreSQL:

- the extensions ``unaccent`` (for ``f_unaccent()``, the immutable wrapper
  Wagtail's ``Fuzzy(unaccent=True)`` names), ``pg_trgm`` (the
  ``word_similarity()`` of Wagtail's ``Fuzzy`` search) and ``btree_gin``
  (a GIN index holding an integer column beside a tsvector, used by 0005);
- the ``f_unaccent()`` wrapper.

The replaced 0002 also added a ``locale_id`` column and a GIN index to
Wagtail's index table; 0005 moves them to the project's own table and drops
them where they exist, so they are not made here.

The replaced 0001 also made trigram indexes on ``title_text`` and
``body_text`` that 0002 dropped (no index serves ``word_similarity()`` as a
function); they are not made here. Nothing but the table happens on SQLite.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.postgres import operations as postgres
from django.db import migrations, models

FORWARD = [
    "CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
]
BACKWARD = [
    "DROP FUNCTION IF EXISTS f_unaccent(text)",
]


def forwards_only_on_postgres(extension):
    """Django's extension operation, reversed only on PostgreSQL: Django 5.2
    checks the database in ``database_forwards`` but not in
    ``database_backwards``, which on SQLite fails on ``pg_extension``."""

    class Extension(extension):
        def database_backwards(self, app_label, schema_editor, from_state, to_state):
            if schema_editor.connection.vendor == "postgresql":
                super().database_backwards(app_label, schema_editor, from_state, to_state)

    return Extension()


def on_postgres(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("search", "0001_search_extensions"),
        ("search", "0002_index_locale"),
        ("search", "0003_page_facets"),
    ]

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        forwards_only_on_postgres(postgres.UnaccentExtension),
        forwards_only_on_postgres(postgres.TrigramExtension),
        forwards_only_on_postgres(postgres.BtreeGinExtension),
        migrations.RunPython(on_postgres(FORWARD), on_postgres(BACKWARD)),
        migrations.CreateModel(
            name="PageFacet",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("facet", models.CharField(max_length=16, verbose_name="facet")),
                ("value", models.CharField(max_length=64, verbose_name="value")),
                ("page", models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                "verbose_name": "page facet",
                "verbose_name_plural": "page facets",
                "indexes": [
                    models.Index(fields=["page", "facet", "value"], name="search_facet_page"),
                    models.Index(fields=["facet", "value"], name="search_facet_value"),
                ],
            },
        ),
    ]
