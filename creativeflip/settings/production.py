"""Production: everything from the environment, and the deploy checks pass."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for _name in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"Set the {_name} environment variable.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# E-mail: password resets and moderation notices must reach people, from an
# address the mail server accepts (creativeflip/email_settings.py).
if not (os.environ.get("EMAIL_URL") or os.environ.get("EMAIL_HOST")):
    raise ImproperlyConfigured("Set EMAIL_URL (or EMAIL_HOST) so the site can send e-mail.")
if not os.environ.get("DEFAULT_FROM_EMAIL"):
    raise ImproperlyConfigured("Set the DEFAULT_FROM_EMAIL environment variable.")

# Static files under hashed names (style.3f2a9c.css), served by WhiteNoise
# with a far-future Cache-Control; `collectstatic` writes the manifest.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
# The page cache in local memory is per process: with several workers a purge
# would reach only one. Without REDIS_URL it is off unless PAGE_CACHE=local
# says there is a single worker (docs/performance.md).
if not REDIS_URL and os.environ.get("PAGE_CACHE", "").lower() != "local":  # noqa: F405
    PAGE_CACHE_ENABLED = False
