"""Fixtures every test module can use: the site tree and users."""

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import translation
from wagtail.models import Locale

from home.demo import ensure_home
from tests.shared_data import fresh, translated_homes

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


# Modules that take a minute or more on one worker (the --durations of
# `make test`: a large fixture site, a whole demo load, the 10,000-request
# fuzz). --dist loadscope hands modules out in this order, so they go
# first: started last, one of them would keep one worker busy while the
# other has nothing left to do.
LONGEST_FIRST = (
    "tests/performance/test_query_counts.py",
    "tests/core/test_demo_data.py",
    "tests/security/test_fuzz.py",
    "tests/funding/test_demo.py",
    "tests/performance/test_card_queries.py",
    "tests/security/test_inputs.py",
    "tests/partners/test_permissions.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    rank = {path: place for place, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


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
def home_all_locales(db):
    """The home page and its six linked, published translations."""
    return translated_homes()


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """One transaction around a whole module, rolled back after its last
    test. What a module-scoped fixture writes inside it is built once and
    seen by each of the module's tests; each test runs in a savepoint of its
    own (pytest-django's ``db``), so what a test writes is undone after it.
    A fixture built here should hand tests fresh rows (``fresh``), not the
    instances it made: an instance a test changes is not rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def module_homes(module_db):
    """``home_all_locales`` built once for a module (see ``module_db``)."""
    return translated_homes()


@pytest.fixture
def shared_homes(module_homes, db):
    """``home_all_locales`` for a module that only reads it: built once."""
    return fresh(module_homes)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "admin", "admin@example.com", "correct-horse-battery"
    )


@pytest.fixture(scope="module")
def restore_migrated_rows(django_db_setup, django_db_blocker):
    """For a module of transactional tests: Django empties every table after
    each of them, so put the migrations' rows (root page, locales, groups)
    back once the module's last test is done. The next module on this
    worker, and a database kept for the next run (--reuse-db), need them."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
