"""PostgreSQL only: the project's own index table, ``search.LocaleIndexEntry``
(Wagtail's index row and the object's locale, with one GIN index over
``(locale, title || body)``), filled from Wagtail's table; the ``locale_id``
column and its index, which the replaced ``0002_index_locale`` added to
Wagtail's table, go. The model exists only on PostgreSQL (see
``search/models.py``), so on other databases this does nothing.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import django.db.models.expressions
from django.db import connection, migrations, models

OLD = "wagtailsearch_indexentry"
COLUMNS = (
    "content_type_id, object_id, title_norm, autocomplete, title, body, title_text, body_text"
)
COPY = f"""
    INSERT INTO search_localeindexentry ({COLUMNS}, locale_id)
    SELECT {COLUMNS}, locale_id FROM {OLD}
"""
FORWARD = [
    f"ALTER TABLE {OLD} ADD COLUMN IF NOT EXISTS locale_id integer NULL",
    COPY,
    f"DELETE FROM {OLD}",
    "DROP INDEX IF EXISTS search_locale_title_body_gin",
    f"ALTER TABLE {OLD} DROP COLUMN IF EXISTS locale_id",
]
BACKWARD = [
    f"ALTER TABLE {OLD} ADD COLUMN IF NOT EXISTS locale_id integer NULL",
    f"INSERT INTO {OLD} ({COLUMNS}, locale_id) SELECT {COLUMNS}, locale_id "
    "FROM search_localeindexentry",
    f"CREATE INDEX IF NOT EXISTS search_locale_title_body_gin ON {OLD} "
    "USING gin (locale_id, (title || body))",
]


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0004_page_cards'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [] if connection.vendor != "postgresql" else [
        migrations.CreateModel(
            name='LocaleIndexEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(max_length=50)),
                ('title_norm', models.FloatField(default=1.0)),
                ('autocomplete', django.contrib.postgres.search.SearchVectorField()),
                ('title', django.contrib.postgres.search.SearchVectorField()),
                ('body', django.contrib.postgres.search.SearchVectorField()),
                ('title_text', models.TextField(default='')),
                ('body_text', models.TextField(default='')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('locale', models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.locale')),
            ],
            options={
                'verbose_name': 'index entry with locale',
                'verbose_name_plural': 'index entries with locale',
                'abstract': False,
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['autocomplete'], name='search_entry_autocomplete'), django.contrib.postgres.indexes.GinIndex(fields=['title'], name='search_entry_title'), django.contrib.postgres.indexes.GinIndex(models.F('locale'), django.db.models.expressions.CombinedExpression(models.F('title'), '||', models.F('body')), name='search_entry_locale_text')],
                'unique_together': {('content_type', 'object_id')},
            },
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
