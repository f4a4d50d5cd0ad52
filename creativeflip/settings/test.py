"""Test settings: fast hashing, a file-backed SQLite test database (so
``--reuse-db`` works), and no DEBUG so error pages are the real ones."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"

_db = DATABASES["default"]  # noqa: F405
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
elif os.environ.get("TEST_DB_NAME"):
    _db["TEST"] = {"NAME": os.environ["TEST_DB_NAME"]}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The page cache is off in tests, except those that test it (tests/cache/):
# local memory outlives each test's database.
PAGE_CACHE_ENABLED = False
