"""The server that browser tests start: test settings, but the real database
named by DATABASE_URL (not the pytest test database)."""

from .test import *  # noqa: F403

DATABASES["default"].pop("TEST", None)  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".e2e-media"  # noqa: F405
SERVE_MEDIA = True  # images and renditions, as under make run (never documents)
