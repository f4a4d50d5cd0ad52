"""PostgreSQL only: each index row's facets as an array (``facet:value``),
filled from the facet rows. The model exists only on PostgreSQL (see
``search/models.py``), so on other databases this does nothing."""

import django.contrib.postgres.fields
from django.db import connection, migrations, models

# In the order the indexer writes them (search.facets.FACETS, then values
# by code point), so a publish that changes nothing rewrites no row.
ORDER = "ARRAY['type', 'theme', 'sector', 'country', 'partner', 'year', 'document', " \
    "'instrument', 'deadline']"
FILL = f"""
    UPDATE search_localeindexentry e SET facets = f.facets
    FROM (
        SELECT r.page_id, p.content_type_id,
               array_agg(r.facet || ':' || r.value
                         ORDER BY array_position({ORDER}, r.facet::text), r.value COLLATE "C")
                   AS facets
        FROM search_pagefacet r JOIN wagtailcore_page p ON p.id = r.page_id
        WHERE r.facet <> 'date'
        GROUP BY r.page_id, p.content_type_id
    ) f
    WHERE e.object_id = f.page_id::text AND e.content_type_id = f.content_type_id
"""


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0005_locale_index_entry"),
    ]

    operations = [] if connection.vendor != "postgresql" else [
        migrations.AddField(
            model_name="localeindexentry",
            name="facets",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.TextField(), blank=True, db_default=[], default=list, size=None,
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
