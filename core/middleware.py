import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# A first path segment shaped like a language code: "xx" or "xx-yy".
LANGUAGE_SHAPED = re.compile(r"^/([a-z]{2}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


# Paths outside the language prefix: their 404s stay 404s.
# /django-admin/ is gone, but stays a plain 404 rather than a redirect to /en/.
UNPREFIXED = ("/admin/", "/api/", "/documents/", "/django-admin/", "/static/", "/media/")
ADMIN_PREFIX = "/admin/"


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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with Wagtail's admin under its own policy.

    The public site's policy (CONTENT_SECURITY_POLICY) allows no inline
    script or style. Wagtail's admin renders both, so paths under /admin/
    get CONTENT_SECURITY_POLICY_ADMIN, in whichever mode (enforced or
    report-only) the site's policy is. A view decorated with django-csp's
    own decorators keeps what they set."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        mode = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        if (
            parts.config is None
            and getattr(settings, mode, None)
            and request.path_info.startswith(ADMIN_PREFIX)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Switch off the browser features the site never uses (camera,
    microphone, geolocation, payment...), for the page and anything it
    embeds: settings.PERMISSIONS_POLICY."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
