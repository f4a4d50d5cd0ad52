import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# A first path segment shaped like a language code: "xx" or "xx-yy".
LANGUAGE_SHAPED = re.compile(r"^/([a-z]{2}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


# Paths outside the language prefix: their 404s stay 404s.
UNPREFIXED = ("/admin/", "/api/", "/documents/", "/django-admin/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 is not redirected to
    ``/en/...`` when that could only 404 again: for a path starting with a
    language code we do not serve (``/xx/...``), or one of the unprefixed
    areas (admin, API, documents). Wagtail's catch-all page route makes every
    prefixed path look valid to Django, so it cannot tell by itself."""

    def process_response(self, request, response):
        if response.status_code == 404:
            if request.path_info.startswith(UNPREFIXED):
                return response
            match = LANGUAGE_SHAPED.match(request.path_info)
            served = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1).lower() not in served:
                return response
        return super().process_response(request, response)
