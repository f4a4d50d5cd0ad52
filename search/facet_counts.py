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

With the project's PostgreSQL backend, each index row keeps its page's
facets too (``LocaleIndexEntry.facets``, ``facet:value`` strings), and a
search's matches are counted from the rows the search matched: one pass,
no join to the facet rows, and a selected facet is one array overlap
(``array_sql``). At 100,000 pages the join and the mask made a filtered
count two nested loops over ~14,000 matches.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

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


@dataclass
class Counted:
    """Counts per facet value; ``total``, the matches that satisfy every
    selected facet; ``found``, all the matches."""

    counts: dict[str, Counter]
    total: int = 0
    found: int = 0


def count(matched, selected: dict[str, list[str]], in_index: bool = False) -> Counted:
    """The facets of ``matched``. ``in_index``: ``matched`` is a queryset
    of pages whose index rows keep their facets (``LocaleIndexEntry``)."""
    selected = {facet: values for facet, values in selected.items() if facet in BITS and values}
    if in_index and not isinstance(matched, list):
        m_sql, m_params = matched_facets_sql(matched)
        sql, params = array_sql(m_sql, selected)
        params += m_params  # the mask's arrays come before the matches
    else:
        m_sql, m_params = matched_sql(matched)
        sql, params = masked_sql(m_sql, selected) if selected else plain_sql(m_sql)
        params = m_params + params
    counted = Counted({facet: Counter() for facet in FACETS})
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, number in cursor.fetchall():
            if facet == "":
                counted.total = number
            elif facet == "*":
                counted.found = number
            elif facet in counted.counts:
                counted.counts[facet][value] = number
    if not selected:
        counted.found = counted.total
    return counted


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
        UNION ALL
        SELECT '*', '', COUNT(*) FROM m
    """  # noqa: S608 - facet names and integers only; values are parameters
    return sql, where_params


def matched_facets_sql(matched) -> tuple[str, list]:
    """SQL selecting the facets kept in the matched pages' index rows. The
    backend's ``matching`` has joined them already; the join is reused."""
    rows = matched.order_by().annotate(matched_facets=F("index_entries__facets"))
    sql, params = rows.values_list("matched_facets").query.sql_with_params()
    return f"SELECT matched_facets AS facets FROM ({sql}) AS matched_pages", list(params)  # noqa: S608


def array_sql(m_sql: str, selected: dict[str, list[str]]) -> tuple[str, list]:
    """Counts from the index rows' ``facet:value`` arrays: one pass over
    the matches, without a join. A page's mask has the bit of each selected
    facet whose chosen values its array overlaps; a value of facet F
    counts when the mask, with F's own bit added, covers every selected
    bit."""
    wanted = sum(BITS[facet] for facet in selected)
    mask = " + ".join(
        f"(CASE WHEN facets && %s::text[] THEN {BITS[facet]} ELSE 0 END)" for facet in selected
    )
    params = [[f"{facet}:{value}" for value in values] for facet, values in selected.items()]
    own_bit = " ".join(f"WHEN '{facet}' THEN {bit}" for facet, bit in BITS.items())
    own_bit = f"CASE split_part(v, ':', 1) {own_bit} ELSE 0 END"
    where = f"WHERE ((m.mask | {own_bit}) & {wanted}) = {wanted}" if selected else ""
    sql = f"""
        WITH m AS (SELECT facets, {mask or "0"} AS mask FROM ({m_sql}) AS matched)
        SELECT split_part(v, ':', 1), substr(v, strpos(v, ':') + 1), COUNT(*)
        FROM m, unnest(m.facets) AS v {where}
        GROUP BY v
        UNION ALL
        SELECT '', '', COUNT(*) FROM m WHERE m.mask = {wanted}
        UNION ALL
        SELECT '*', '', COUNT(*) FROM m
    """  # noqa: S608 - facet names and integers only; values are parameters
    return sql, params


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


def facts_and_partners(page_ids, partner_ids) -> tuple[dict[int, Facts], dict[int, str]]:
    """Date and partners of these pages, from their facet rows, and the
    titles of their partners and of the partner pages ``partner_ids`` (the
    partner facet's options): what the results show, in one query."""
    from .facets import partner_model

    page_ids, partner_ids = list(page_ids), list(partner_ids)
    facts = {pk: Facts(pk, 0) for pk in page_ids}
    pages = ", ".join(["%s"] * len(page_ids)) or "NULL"
    partners = ", ".join(["%s"] * len(partner_ids)) or "NULL"
    model = partner_model()
    page_table = model._meta.get_field("page_ptr").related_model._meta.db_table
    partner_pages = f"""
        SELECT p.id, '', '', p.title FROM {page_table} p
        JOIN {model._meta.db_table} partner ON partner.page_ptr_id = p.id WHERE p.id IN
    """  # noqa: S608 - table names only
    # Partner facet values are page ids (facet_rows writes them). Three
    # parts, not an OR, which made PostgreSQL read every page.
    sql = f"""
        SELECT f.page_id, f.facet, f.value, NULL FROM {TABLE} f
        WHERE f.page_id IN ({pages}) AND f.facet IN ('date', 'partner')
        UNION ALL {partner_pages} ({partners})
        UNION ALL {partner_pages} (
            SELECT CAST(f.value AS INTEGER) FROM {TABLE} f
            WHERE f.page_id IN ({pages}) AND f.facet = 'partner'
        )
    """  # noqa: S608 - table names only; ids are parameters
    titles = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, page_ids + partner_ids + page_ids)
        for page_id, facet, value, title in cursor.fetchall():
            if facet == "":
                titles[page_id] = title
            elif facet == "date":
                facts[page_id].date = datetime.date.fromisoformat(value[:10])
            elif value.isdigit():
                facts[page_id].partners.add(int(value))
    return facts, titles
