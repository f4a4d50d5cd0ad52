"""Fixtures every test module can use: the site tree and users."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from home.demo import ensure_home
from tests.home_text import home_text

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def source_language():
    """Each test starts in the source language: a request through the test
    client leaves its page's language active in the thread (Django's
    LocaleMiddleware activates it and nothing deactivates it), and the next
    test would otherwise see that language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home(db):
    """The English home page as the default site's root."""
    return ensure_home()


@pytest.fixture
def home_all_locales(home, django_capture_on_commit_callbacks):
    """The home page and its six linked, published translations."""
    from core.demo_tools import TARGET_LANGUAGES
    from core.translation import strings_for, translate_object

    pages = {"en": home}
    for code in TARGET_LANGUAGES:
        # wagtail-localize publishes on commit; run those callbacks here.
        with django_capture_on_commit_callbacks(execute=True):
            pages[code] = translate_object(home, code, strings_for(home_text(), code))
    return {code: page.specific.__class__.objects.get(pk=page.pk) for code, page in pages.items()}


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "admin", "admin@example.com", "correct-horse-battery"
    )
