"""A detail page's themes, sectors and audiences in one query, not three.

Each is a many-to-many relation with its own through table, so Django's
prefetch costs three queries, and the ORM builds each of them again on every
render (a profile of a policy paper put a quarter of its time in prefetching).
The three term models have the same columns (``TaxonomyTerm``), so one
``UNION ALL`` reads them together. Its SQL is written once per page type and
database; the terms come back as full model instances, in each relation's
own order (by name), and are kept where Django's prefetch keeps them, so
``page.themes.all()`` in a template runs no query.
"""

from django.db import connections

from core.models import Audience, Sector, Theme
from core.prefetched import keep_prefetched

TERM_MODELS = {Theme, Sector, Audience}
_statements: dict = {}


def term_relations(page_class, names) -> list[str]:
    """Those of ``names`` that are plain links from ``page_class`` to terms."""
    found = []
    for name in names:
        if not isinstance(name, str):
            continue
        try:
            field = page_class._meta.get_field(name)
        except LookupError:
            continue
        if field.many_to_many and field.related_model in TERM_MODELS:
            found.append(name)
    return found


def _converters(connection) -> list:
    """Per column, the converters the ORM applies to what the database
    returns (SQLite gives a UUID as text, for one)."""
    found = []
    for field in Theme._meta.concrete_fields:
        column = field.get_col(Theme._meta.db_table)
        converters = connection.ops.get_db_converters(column)
        found.append((column, converters + column.get_db_converters(connection)))
    return found


def _statement(page_class, names: tuple[str, ...], connection) -> tuple[str, list, list]:
    key = (page_class, names, connection.alias)
    if key not in _statements:
        qn = connection.ops.quote_name
        attnames = [f.attname for f in Theme._meta.concrete_fields]
        columns = [f.column for f in Theme._meta.concrete_fields]
        parts = []
        for number, name in enumerate(names):
            field = page_class._meta.get_field(name)
            term = field.related_model
            assert [f.column for f in term._meta.concrete_fields] == columns, term
            through = field.remote_field.through._meta
            source = through.get_field(field.m2m_field_name()).column
            target = through.get_field(field.m2m_reverse_field_name()).column
            selected = ", ".join(f"t.{qn(column)}" for column in columns)
            key_column = qn(term._meta.pk.column)
            # Only names from the models' own metadata, quoted; the page's
            # id is a parameter.
            parts.append(
                f"SELECT {number} AS relation, {selected} FROM {qn(term._meta.db_table)} t"  # noqa: S608
                f" INNER JOIN {qn(through.db_table)} x ON x.{qn(target)} = t.{key_column}"
                f" WHERE x.{qn(source)} = %s"
            )
        # The terms' own ordering (TaxonomyTerm.Meta: by name), as the ORM
        # would sort each relation.
        order = 2 + columns.index(Theme._meta.get_field("name").column)
        sql = " UNION ALL ".join(parts) + f" ORDER BY 1, {order}"
        _statements[key] = (sql, attnames, _converters(connection))
    return _statements[key]


def load_terms(page, names: list[str], using: str = "default") -> None:
    """Read ``names`` (term relations of ``page``) in one query and keep each
    as Django's prefetch would."""
    names = tuple(names)
    connection = connections[using]
    sql, attnames, converters = _statement(type(page), names, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.pk] * len(names))
        rows = cursor.fetchall()
    found: dict[int, list] = {number: [] for number in range(len(names))}
    models = [type(page)._meta.get_field(name).related_model for name in names]
    for number, *values in rows:
        for position, (column, column_converters) in enumerate(converters):
            for convert in column_converters:
                values[position] = convert(values[position], column, connection)
        found[number].append(models[number].from_db(using, attnames, values))
    for number, name in enumerate(names):
        keep_prefetched(page, name, found[number], models[number])
