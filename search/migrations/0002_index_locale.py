"""Wagtail's index table learns each row's locale, and gets one GIN index
over (locale, ``title || body``).

The search tests ``title || body`` against the query. Without an index on
that expression PostgreSQL tested it row by row, unpacking every body; and
because the table has no locale, a word common to several languages matched
the rows of every locale before the join to the pages threw most away. The
project's index writes ``locale_id`` (``search/backends/pg_index.py``);
``btree_gin`` lets one GIN index hold both the locale and the vector, so a
search in one language reads only that language's postings.

Wagtail's model does not declare the column; only the project's backend
reads and writes it.

The trigram indexes of ``0001`` go: Wagtail's fuzzy search compares with
``word_similarity()`` as a function, which no index serves, so they only
made every write slower (a few thousand trigrams per page body).

Nothing happens on SQLite.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS locale_id integer NULL",
    f"CREATE INDEX IF NOT EXISTS search_locale_title_body_gin ON {TABLE} "
    "USING gin (locale_id, (title || body))",
    "DROP INDEX IF EXISTS modelsearch_title_text_trgm",
    "DROP INDEX IF EXISTS modelsearch_body_text_trgm",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS modelsearch_title_text_trgm ON {TABLE} "
    "USING gin (title_text gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_body_text_trgm ON {TABLE} "
    "USING gin (body_text gin_trgm_ops)",
    "DROP INDEX IF EXISTS search_locale_title_body_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS locale_id",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_extensions")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
