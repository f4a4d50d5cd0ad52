"""Settings shared by every environment.

Safe for production on its own: DEBUG is off and there is no default secret
key. Everything that differs between machines is read from the environment
here, once; ``dev.py``, ``test.py`` and ``production.py`` only adjust.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core import languages
from creativeflip.email_settings import email_settings, flag

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps. core first: it owns the document model and taxonomy.
    "core",
    "home",
    "knowledgebase",
    "learning",
    "partners",
    "social",
    "wpimport",
    "harvest",
    "ipcheck",
    "funding",
    # Wagtail and translation.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: its ready() gives every indexed model a relation
    # to Wagtail's index table, which search's ready() then points at the
    # project's own (search.LocaleIndexEntry, PostgreSQL).
    "search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_countries",
    "django_tasks",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "creativeflip.urls"
WSGI_APPLICATION = "creativeflip.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url reads otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many short transactions (publishing, indexing) on one file.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL names a Redis server.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "creativeflip",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages (core/languages.py has the table). English is the source
# locale; every page exists in every language.
LANGUAGE_CODE = languages.SOURCE
LANGUAGES = languages.choices()
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True
# One long date format on every page, per language ("7 October 2025").
FORMAT_MODULE_PATH = ["creativeflip.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Creative FLIP Knowledge Base"
# The site's one public address (core/site_url.py): the Wagtail Site's
# hostname and port, and every absolute URL the site writes. Empty: the
# request's host. The admin's e-mails link to it too.
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
)
WAGTAILDOCS_DOCUMENT_MODEL = "core.SiteDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = env_list("DOCUMENT_EXTENSIONS", "pdf,docx,odt,pptx,xlsx,csv,txt")
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_SIZE", str(25 * 1024 * 1024)))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_HITS_MAX_AGE = 30

# Limits on document text extraction: SiteDocument (core/models/documents.py)
# passes them to core/extraction.py.
DOCUMENT_TEXT_MAX_PAGES = int(os.environ.get("DOCUMENT_TEXT_MAX_PAGES", "300"))
DOCUMENT_TEXT_MAX_CHARS = int(os.environ.get("DOCUMENT_TEXT_MAX_CHARS", "1000000"))
DOCUMENT_TEXT_MAX_SECONDS = float(os.environ.get("DOCUMENT_TEXT_MAX_SECONDS", "10"))

# Search: the database backend (SQLite FTS5 or PostgreSQL FTS) unless an
# Elasticsearch or OpenSearch URL is given.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": os.environ.get("SEARCH_INDEX", "creativeflip"),
            "TIMEOUT": 10,
        }
    }
elif OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [OPENSEARCH_URL],
            "INDEX": os.environ.get("SEARCH_INDEX", "creativeflip"),
            "TIMEOUT": 10,
        }
    }
else:
    # Wagtail's database backend; on PostgreSQL with per-language stemming
    # (search/backends/postgres.py, see docs/search.md).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

LOGIN_URL = "/admin/login/"
SITE_DESCRIPTION = _("A mutual-learning knowledge base for the cultural and creative industries.")

# Machine translation (wagtail-localize): DeepL when DEEPL_API_KEY is set,
# otherwise none, and the "Translate with ..." button is hidden. Machine
# suggestions are saved as drafts marked "machine" for a person to review.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# The social feed on the home page (social/): fetched by
# `manage.py refresh_social_feed`, never during a page request.
SOCIAL_FEED_TIMEOUT = float(os.environ.get("SOCIAL_FEED_TIMEOUT", "5"))
SOCIAL_FEED_MAX_BYTES = int(os.environ.get("SOCIAL_FEED_MAX_BYTES", str(2 * 1024 * 1024)))
SOCIAL_FEED_POSTS_SHOWN = 6
# Private and loopback addresses are refused (server-side request forgery)
# unless this is set, as the tests do for their local feed server.
SOCIAL_FEED_ALLOW_PRIVATE = os.environ.get("SOCIAL_FEED_ALLOW_PRIVATE", "") == "1"

# -- Background tasks, uploads and files (security review) ----------------------
# TASKS_BACKEND=immediate runs each task inside the request that queues it;
# "database" stores it for `manage.py db_worker` (django-tasks-db), so that
# slow work (document text extraction, search and reference index updates)
# never holds a web worker. The app is installed either way: switching needs
# no new migration.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
INSTALLED_APPS += ["django_tasks_db"]

# The cheap checks of an upload (core.forms): pypdf opens the PDF, no text.
DOCUMENT_CHECK_MAX_SECONDS = float(os.environ.get("DOCUMENT_CHECK_MAX_SECONDS", "10"))
# Documents always go through Django's serve view, whose before_serve_document
# hook (core.wagtail_hooks) applies the privacy of the pages that use them;
# never a redirect to a public storage URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Largest image (width x height x frames) an upload may have; Pillow refuses to
# decode anything larger anywhere (core.apps), renditions included.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", str(40_000_000)))
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ImageForm"
# E-mail: EMAIL_URL or EMAIL_HOST and friends, DEFAULT_FROM_EMAIL,
# SERVER_EMAIL, EMAIL_TIMEOUT (creativeflip/email_settings.py). The setting
# names vary with the backend, hence the update of this module's names.
globals().update(email_settings(os.environ))

# Security headers, set by core.middleware: Content-Security-Policy
# (django-csp 4) and Permissions-Policy. The public site allows no inline
# script or style; the one inline script (JSON-LD) carries the request's
# nonce. Wagtail's admin renders inline scripts and styles, so /admin/ gets
# CONTENT_SECURITY_POLICY_ADMIN instead. CSP_REPORT_ONLY=true sends either as
# Content-Security-Policy-Report-Only: browsers report, nothing is blocked.
# See docs/security.md.
MIDDLEWARE[1:1] = [  # right after SecurityMiddleware: every response gets both
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
]
_csp_frame_src = env_list(  # video embeds (learning modules)
    "CSP_FRAME_SRC",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
_csp_common = {
    "default-src": [SELF],
    "img-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": _csp_frame_src or [NONE],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "report-uri": env_list("CSP_REPORT_URI") or None,
}
_csp_public = {
    "DIRECTIVES": {
        **_csp_common,
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "frame-ancestors": [NONE],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_csp_common,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Image previews and uploads, and Wagtail's avatars from Gravatar.
        "img-src": [SELF, "data:", "blob:", "https://www.gravatar.com"],
        # The page editor previews the page in a frame of its own.
        "frame-src": [SELF, *_csp_frame_src],
        "frame-ancestors": [SELF],
    }
}
if flag("CSP_REPORT_ONLY", os.environ.get("CSP_REPORT_ONLY", "")):
    CONTENT_SECURITY_POLICY = None
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp_public
else:
    CONTENT_SECURITY_POLICY = _csp_public
    CONTENT_SECURITY_POLICY_REPORT_ONLY = None
PERMISSIONS_POLICY = [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
# --- Abuse limits: login throttling, sign-up and contact-form limits ---------
# (docs/permissions.md, "Limits"). Behind reverse proxies set
# TRUSTED_PROXY_COUNT to how many of them append to X-Forwarded-For;
# core/clientip.py then takes the client's address from there.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# django-axes: after LOGIN_FAILURE_LIMIT failed sign-ins from one address
# (admin and learner login alike), sign-in from there is refused for
# LOGIN_LOCKOUT_MINUTES. Its backend goes first and its middleware last, as
# its documentation asks.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
# In hours; a float is read as a fraction of an hour.
AXES_COOLOFF_TIME = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.clientip.client_ip"
AXES_LOCKOUT_TEMPLATE = "core/login_locked_out.html"
# Failed attempts are kept (to count them); successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True

# core/ratelimit.py: actions per client address per hour.
SIGNUP_RATE_LIMIT = int(os.environ.get("SIGNUP_RATE_LIMIT", "5"))
SIGNUP_RATE_WINDOW = 60 * 60
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
CONTACT_RATE_WINDOW = 60 * 60
# Contact-form messages are kept (partners.ContactMessage) this many days.
CONTACT_MESSAGE_RETENTION_DAYS = int(os.environ.get("CONTACT_MESSAGE_RETENTION_DAYS", "90"))
if REDIS_URL:
    # The limits fail closed on Redis errors: fail fast, too.
    CACHES["default"]["OPTIONS"].update(SOCKET_CONNECT_TIMEOUT=2, SOCKET_TIMEOUT=2)

# --- Page cache (core/pagecache, docs/performance.md) --------------------------
# Anonymous GET responses of pages, listings, feeds and the sitemap, purged on
# publish and on edits of what they show. Its own cache alias: Redis when
# REDIS_URL is set (shared by every worker), else this process's memory.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware"),
    "core.pagecache.middleware.PageCacheMiddleware",
)
PAGE_CACHE_ALIAS = "pages"
if REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "creativeflip-pages",
        # Errors are not ignored: the middleware then serves without the cache.
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() != "off"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# Entries are keyed by a digest of the code and templates (core/pagecache/store.py);
# set this to name the release instead.
PAGE_CACHE_VERSION = os.environ.get("PAGE_CACHE_VERSION", "")

# Consultations on drafts (consultation/): responses per address per hour,
# days a confirmation link stays valid, and months after a consultation
# closes before respondents' names and e-mail addresses are deleted.
INSTALLED_APPS += ["consultation"]
CONSULTATION_RATE_LIMIT = int(os.environ.get("CONSULTATION_RATE_LIMIT", "5"))
CONSULTATION_RATE_WINDOW = 60 * 60
CONSULTATION_CONFIRM_DAYS = int(os.environ.get("CONSULTATION_CONFIRM_DAYS", "7"))
CONSULTATION_RETENTION_MONTHS = int(os.environ.get("CONSULTATION_RETENTION_MONTHS", "6"))
