"""Site data that several test modules build: the translated home pages,
and fresh copies of pages a module-scoped fixture made (tests/conftest.py,
``module_db``)."""

from home.demo import ensure_home
from tests.home_text import home_text


def translated_homes() -> dict:
    """The English home page and its six linked, published translations:
    ``{language: HomePage}``."""
    from django.test import TestCase

    from core.demo_tools import TARGET_LANGUAGES
    from core.translation import strings_for, translate_into

    home = ensure_home()
    text = home_text()
    # wagtail-localize publishes on commit; run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        pages = translate_into(home, {code: strings_for(text, code) for code in TARGET_LANGUAGES})
    pages["en"] = home
    return {code: page.specific.__class__.objects.get(pk=page.pk) for code, page in pages.items()}


def fresh(rows: dict) -> dict:
    """The same rows (``{key: page, user...}``, nested dicts too; None stays
    None) read again."""
    return {key: _fresh(value) for key, value in rows.items()}


def _fresh(value):
    if isinstance(value, dict):
        return fresh(value)
    if value is None:
        return None
    return type(value)._default_manager.get(pk=value.pk)
