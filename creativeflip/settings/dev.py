"""Local development: debug on, a throwaway secret key, any local host."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-4f1c9a7e2b"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The page cache would keep serving a page after its template is edited: off
# unless asked for (PAGE_CACHE=on).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "off").lower() == "on"
