"""Numbers typed by users (URL parts, query strings, form fields)."""

# The largest value of a 64-bit signed column: ids and SQL offsets.
BIGINT_MAX = 2**63 - 1


def user_int(value: str, maximum: int = BIGINT_MAX) -> int | None:
    """A whole number from 0 to ``maximum`` written in ASCII digits, or None.

    ``int()`` alone is not enough: it accepts Arabic-Indic and full-width
    digits, fails on superscripts that ``isdigit()`` lets through ('²'), and
    refuses more than 4,300 digits with a ValueError of its own."""
    if not (value.isascii() and value.isdecimal()) or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if number <= maximum else None
