"""Local development: a throwaway secret key, any local host, and the site
as its visitors see it: DEBUG is off (designed error pages) unless
DJANGO_DEBUG=1. Static files come from WhiteNoise either way, and images
from SERVE_MEDIA."""

import os

from core.site_url import parse as parse_site_url

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
# creativeflip/urls.py serves MEDIA_ROOT's images (never its documents)
# under runserver, where no proxy does it.
SERVE_MEDIA = True
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
# `make run` serves here unless SITE_URL says otherwise (the Makefile passes
# http://$(HOST):$(PORT)).
SITE_URL = SITE_URL or "http://127.0.0.1:8000"  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL
ALLOWED_HOSTS = [*ALLOWED_HOSTS, parse_site_url(SITE_URL)[1]]
