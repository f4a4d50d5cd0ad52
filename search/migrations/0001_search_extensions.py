"""PostgreSQL extensions for typo-tolerant search: unaccent first, then
pg_trgm, and trigram indexes on Wagtail's index table. Nothing on SQLite."""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Immutable wrapper so unaccent() can be used in indexes (the name
    # Wagtail's fuzzy search expects).
    "CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
    f"CREATE INDEX IF NOT EXISTS modelsearch_title_text_trgm ON {INDEX_TABLE} "
    "USING gin (title_text gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_body_text_trgm ON {INDEX_TABLE} "
    "USING gin (body_text gin_trgm_ops)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS modelsearch_body_text_trgm",
    "DROP INDEX IF EXISTS modelsearch_title_text_trgm",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
