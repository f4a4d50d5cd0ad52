"""Serve anonymous GET requests from the page cache; store what may be stored.

Only responses that a view or Wagtail's page serving marked with ``cacheable``
are stored, and only when nothing in them belongs to one visitor: no session
or messages cookie in the request, no cookie set, no CSRF token rendered, no
``private``/``no-store``/``no-cache``, status 200. A hit touches neither the
session nor the database.

It sits after the authentication middleware and before the messages
middleware, so django-csp (outside) writes a fresh nonce into each hit's
header, and the same nonce replaces the placeholder in the stored body.
"""

import logging
import secrets

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.pagecache import store

logger = logging.getLogger(__name__)

SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/django-admin/")
ALLOWED_VARY = {"accept-language", "cookie", "accept-encoding"}
REFUSED_CACHE_CONTROL = ("private", "no-store", "no-cache")
HEADER = "X-Page-Cache"


def cacheable(request, tags) -> None:
    """Mark this request's response as cacheable, depending on ``tags``."""
    request.page_cache_tags = set(tags)


def cache_listing(view):
    """Decorate a view that lists pages of the active language (a feed)."""
    from functools import wraps

    from core.pagecache.rules import listing_tags

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        cacheable(request, listing_tags(request))
        return view(request, *args, **kwargs)

    return wrapper


def refuse(request) -> None:
    """This response must not be cached (restricted page, preview)."""
    request.page_cache_refused = True


def eligible(request) -> bool:
    """Whether the request may be answered from, or stored in, the cache:
    an anonymous visitor's plain GET of a public path."""
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False  # Wagtail's previews and moderation views
    cookies = request.COOKIES
    if (
        settings.SESSION_COOKIE_NAME in cookies
        or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies
    ):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path_info.startswith(SKIPPED_PREFIXES):
        return False
    return len(request.get_full_path()) <= 1000


def storable(request, response) -> bool:
    if not getattr(request, "page_cache_tags", None) or getattr(
        request, "page_cache_refused", False
    ):
        return False
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in REFUSED_CACHE_CONTROL):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= ALLOWED_VARY and "*" not in vary


def public_headers(response) -> None:
    """Cache-Control of a cached page: browsers keep it briefly; a frontend
    cache (purged with the server cache) may keep it as long as the server."""
    options = {"public": True, "max_age": settings.PAGE_CACHE_BROWSER_SECONDS}
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        options["s_maxage"] = settings.PAGE_CACHE_SECONDS
    patch_cache_control(response, **options)
    patch_vary_headers(response, ("Cookie",))


def private_headers(response) -> None:
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)


def to_entry(request, response, sequence, tags) -> dict | None:
    content = response.content
    nonce = getattr(request, "_csp_nonce", None)
    nonced = False
    if isinstance(nonce, str) and nonce.encode() in content:
        content = content.replace(
            f'nonce="{nonce}"'.encode(), f'nonce="{store.NONCE_PLACEHOLDER}"'.encode()
        )
        if nonce.encode() in content:  # the nonce somewhere we cannot replace
            return None
        nonced = True
    return {
        "sequence": sequence,
        "tags": tags,
        "status": response.status_code,
        "headers": list(response.headers.items()),
        "content": content,
        "nonce": nonced,
    }


def from_entry(request, entry) -> HttpResponse:
    content = entry["content"]
    if entry["nonce"]:
        # A fresh nonce per response: django-csp (outside) puts it in the header.
        # (str(): django-csp's lazy nonce is falsy until it is read.)
        nonce = getattr(request, "csp_nonce", None)
        nonce = str(nonce) if nonce is not None else secrets.token_urlsafe(16)
        content = content.replace(store.NONCE_PLACEHOLDER.encode(), nonce.encode())
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not eligible(request):
            response = self.get_response(request)
            if getattr(request, "page_cache_tags", None):
                private_headers(response)
            return response
        try:
            key = store.entry_key(request)
        except DisallowedHost:
            return self.get_response(request)  # answered 400 by Django
        try:
            entry, sequence = store.read_entry_and_sequence(key)
            if entry is not None and store.entry_is_current(entry):
                response = from_entry(request, entry)
                public_headers(response)
                response[HEADER] = "hit"
                return response
        except Exception as error:
            # Served without the cache (and marked private: nothing can be
            # purged while the cache is unreachable).
            logger.warning("Page cache unavailable: %s", error)
            sequence = None
        response = self.get_response(request)
        if sequence is not None and storable(request, response):
            try:
                values = store.tag_values(request.page_cache_tags, sequence)
                entry = values and to_entry(request, response, sequence, values)
                if entry:
                    store.save_entry(key, entry)
            except Exception as error:
                logger.warning("Page cache unavailable, response not stored: %s", error)
            public_headers(response)
            response[HEADER] = "miss"
        elif getattr(request, "page_cache_tags", None):
            private_headers(response)
            response[HEADER] = "pass"
        return response
