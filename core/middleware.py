import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# A first path segment shaped like a language code: "xx" or "xx-yy".
LANGUAGE_SHAPED = re.compile(r"^/([a-z]{2}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a path starting with a language
    code we do not serve (``/xx/...``) is a plain 404, not a redirect to
    ``/en/xx/...`` that would only 404 one request later."""

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_SHAPED.match(request.path_info)
            served = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1).lower() not in served:
                return response
        return super().process_response(request, response)
