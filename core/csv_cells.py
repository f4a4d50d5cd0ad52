"""Cells of the CSV files the site exports, safe to open in a spreadsheet.

A spreadsheet runs a cell as a formula when its text starts with ``=``,
``+``, ``-`` or ``@``, also after leading spaces or line breaks, and some
(with East Asian input settings) also when it starts with the full-width or
small forms of those signs. Such cells get a leading apostrophe, which the
spreadsheet shows as text. Numbers are left alone: ``-9.14`` is a longitude.
"""

from decimal import Decimal

FORMULA_SIGNS = frozenset("=+-@＝＋－＠﹦﹢﹣﹫")
# A cell starting with one of these is neutralised whatever follows: they
# can hide a formula from a reader of the file.
CONTROL_STARTS = ("\t", "\r", "\n")


def csv_safe(value) -> str:
    """The text of a CSV cell that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(CONTROL_STARTS) or text.lstrip()[:1] in FORMULA_SIGNS:
        return "'" + text
    return text
