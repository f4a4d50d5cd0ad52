"""Facet counts over every match, in one SQL statement.

The matches are either a queryset of pages (PostgreSQL gives all of a
query's matches this way, unranked and cheap) or a list of page ids (the
best hits of a backend that can only rank). Each facet is counted over the
matches that satisfy every *other* selected facet, so a choice shows its
alternatives with real numbers.

Which selected facets a page satisfies is a bit mask: the sum of the
distinct bits of the selected facets it has a chosen value for. A row of
facet F counts when the page's mask covers every selected bit except F's.
Bitwise ``&`` and ``SUM(DISTINCT ...)`` work the same on PostgreSQL and
SQLite.
"""

import datetime
from collections import Counter

from django.db import connection
from django.db.models import F

from .facets import FACETS, Facts
from .models import PageFacet

TABLE = PageFacet._meta.db_table
BITS = {facet: 1 << i for i, facet in enumerate(FACETS)}


def matched_sql(matched) -> tuple[str, list]:
    """SQL selecting the matched page ids, and its parameters."""
    if isinstance(matched, list):
        if not matched:
            return "SELECT NULL AS id WHERE 1 = 0", []
        rows = ", ".join(["(%s)"] * len(matched))
        sql = f"SELECT column1 AS id FROM (VALUES {rows}) AS matched_ids"  # noqa: S608
        return sql, list(matched)
    ids = matched.order_by().annotate(matched_id=F("pk")).values_list("matched_id")
    sql, params = ids.query.sql_with_params()
    return f"SELECT matched_id AS id FROM ({sql}) AS matched_pages", list(params)  # noqa: S608


def case_sql(values: dict[str, int]) -> str:
    """``CASE facet WHEN 'type' THEN 1 ... END`` over known facet names."""
    whens = " ".join(f"WHEN '{facet}' THEN {int(value)}" for facet, value in values.items())
    return f"CASE f.facet {whens} ELSE 0 END"


def selection_sql(selected: dict[str, list[str]]) -> tuple[str, list]:
    parts, params = [], []
    for facet, values in selected.items():
        parts.append(f"(f.facet = %s AND f.value IN ({', '.join(['%s'] * len(values))}))")
        params += [facet, *values]
    return " OR ".join(parts), params


def count(matched, selected: dict[str, list[str]]) -> tuple[dict[str, Counter], int]:
    """Counts per facet value and the number of matches that satisfy every
    selected facet."""
    selected = {facet: values for facet, values in selected.items() if facet in BITS and values}
    m_sql, m_params = matched_sql(matched)
    sql, params = masked_sql(m_sql, selected) if selected else plain_sql(m_sql)
    counts = {facet: Counter() for facet in FACETS}
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, m_params + params)
        for facet, value, number in cursor.fetchall():
            if facet == "":
                total = number
            elif facet in counts:
                counts[facet][value] = number
    return counts, total


def plain_sql(m_sql: str) -> tuple[str, list]:
    """Nothing selected: every facet row of the matches counts. (Without the
    masks PostgreSQL can estimate the groups, and hashes them instead of
    sorting ~50,000 rows for a broad word.)"""
    sql = f"""
        WITH m AS ({m_sql})
        SELECT f.facet, f.value, COUNT(*) FROM {TABLE} f
        WHERE f.page_id IN (SELECT id FROM m) AND f.facet <> 'date'
        GROUP BY f.facet, f.value
        UNION ALL
        SELECT '', '', COUNT(*) FROM m
    """  # noqa: S608 - the table's name only
    return sql, []


def masked_sql(m_sql: str, selected: dict[str, list[str]]) -> tuple[str, list]:
    """Facets selected: each page's mask of the selected facets it
    satisfies decides which of its rows count."""
    wanted = sum(BITS[facet] for facet in selected)
    where, where_params = selection_sql(selected)
    required = case_sql({facet: wanted & ~bit for facet, bit in BITS.items()})
    sql = f"""
        WITH m AS ({m_sql}), ok AS (
            SELECT f.page_id, SUM(DISTINCT {case_sql(BITS)}) AS mask
            FROM {TABLE} f WHERE f.page_id IN (SELECT id FROM m) AND ({where})
            GROUP BY f.page_id
        )
        SELECT f.facet, f.value, COUNT(*) FROM {TABLE} f
        LEFT JOIN ok ON ok.page_id = f.page_id
        WHERE f.page_id IN (SELECT id FROM m) AND f.facet <> 'date'
          AND (COALESCE(ok.mask, 0) & {required}) = {required}
        GROUP BY f.facet, f.value
        UNION ALL
        SELECT '', '', COUNT(*) FROM m LEFT JOIN ok ON ok.page_id = m.id
        WHERE (COALESCE(ok.mask, 0) & {wanted}) = {wanted}
    """  # noqa: S608 - facet names and integers only; values are parameters
    return sql, where_params


def narrowed(queryset, selected: dict[str, list[str]]):
    """``queryset`` limited to pages with a chosen value of every selected
    facet."""
    for facet, values in selected.items():
        if facet in BITS and values:
            rows = PageFacet.objects.filter(facet=facet, value__in=values)
            queryset = queryset.filter(pk__in=rows.values("page_id"))
    return queryset


def newest_first(queryset):
    """``queryset`` ordered by the pages' dates, newest first; pages without
    a date last."""
    from django.db.models import OuterRef, Subquery

    date = PageFacet.objects.filter(facet="date", page_id=OuterRef("pk")).values("value")[:1]
    return queryset.annotate(_date_=Subquery(date)).order_by(
        F("_date_").desc(nulls_last=True), "-pk"
    )


def stored_facts(page_ids) -> dict[int, Facts]:
    """Date and partners of these pages, from their facet rows: what a
    result shows, in one query."""
    facts = {pk: Facts(pk, 0) for pk in page_ids}
    rows = PageFacet.objects.filter(page_id__in=page_ids, facet__in=("date", "partner"))
    for page_id, facet, value in rows.values_list("page_id", "facet", "value"):
        if facet == "date":
            facts[page_id].date = datetime.date.fromisoformat(value[:10])
        elif value.isdigit():
            facts[page_id].partners.add(int(value))
    return facts
