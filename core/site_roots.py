"""The site's home page in the active language, in one query (none for the
language's locale).

Wagtail starts routing a request at ``site.root_page.localized.specific``:
the active language's Locale by its code, then the root page's translation
in it, then that page's specific row; three queries before the first path
segment, and two for the default language. ``route_for_request`` below does
what Wagtail's ``Page.route_for_request`` does with one: which page is each
language's home and each Locale's row are kept with the page chrome
(core/chrome.py), so they are read again after any publish, unpublish, move
or delete of a page and any change of a site or locale; the home page
itself is read fresh on every request.

What is kept is checked against the row read: where it no longer is that
language's live translation of the site's root page, Wagtail's own lookup
decides, so a stale entry costs queries, never a wrong page.
"""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from core.chrome import find_site, remembered


def _roots(request, site) -> dict:
    """``{language code: (locale, home pk or None, home content type id,
    home url_path, home path)}`` for every locale: the live translation of
    the site's root page in it."""
    root = site.root_page

    def compute():
        live = Page.objects.filter(
            translation_key=root.translation_key, locale=OuterRef("pk"), live=True
        )
        locales = Locale.objects.annotate(
            home=Subquery(live.values("pk")[:1]),
            home_type=Subquery(live.values("content_type_id")[:1]),
            home_url=Subquery(live.values("url_path")[:1]),
            home_path=Subquery(live.values("path")[:1]),
        )
        return {
            locale.language_code: (
                locale,
                locale.home,
                locale.home_type,
                locale.home_url,
                locale.home_path,
            )
            for locale in locales
        }

    return remembered(request, f"roots:{site.pk}:{root.pk}:{root.translation_key}", compute)


def _language(code: str | None) -> str | None:
    try:
        return get_supported_content_language_variant(code)
    except LookupError:
        return None


def active_locale(request):
    """``Locale.get_active()`` without a query (once per publish): the Locale
    of the active language, else of the default language."""
    site = find_site(request)
    if site is None:
        return Locale.get_active()
    roots = _roots(request, site)
    for code in (_language(translation.get_language()), _language(settings.LANGUAGE_CODE)):
        if code in roots:
            return roots[code][0]
    return Locale.get_active()  # raises as Wagtail does


def kept_home(request, site) -> dict | None:
    """What is kept of the active language's home page: ``pk``, ``type_id``,
    ``url_path``, ``path``, and ``accept(row)``, which says whether a row
    read is still that page; None without i18n or a locale."""
    root = site.root_page
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    roots = _roots(request, site)
    code = _language(translation.get_language())
    if code not in roots:  # no locale: Wagtail falls back to the default
        code = _language(settings.LANGUAGE_CODE)
    if code not in roots:
        return None
    locale, pk, type_id, url_path, path = roots[code]
    if locale.pk == root.locale_id or pk is None:
        pk, type_id, url_path, path = root.pk, root.content_type_id, root.url_path, root.path

    def accept(page) -> bool:
        if page.translation_key != root.translation_key:
            return False
        return page.pk == root.pk or (page.live and page.locale_id == locale.pk)

    return {"pk": pk, "type_id": type_id, "url_path": url_path, "path": path, "accept": accept}


def locale_root(request, site):
    """``site.root_page.localized.specific`` (Wagtail's start of routing)."""
    root = site.root_page
    home = kept_home(request, site)
    if home is None:
        return root.specific
    page = _load(home["pk"], home["type_id"])
    if page is None or not home["accept"](page):
        return root.localized.specific  # what was kept is out of date
    return page


def _route_below_home(request, site, components):
    """The page below the home page that ``components`` name, routed with
    the home page's row in the chain's query (core.routing.route_below),
    where its type routes that way; else None."""
    from django.contrib.contenttypes.models import ContentType

    from core.routing import route_below

    home = kept_home(request, site) if components else None
    if home is None:
        return None
    model = ContentType.objects.get_for_id(home["type_id"]).model_class()
    if not getattr(model, "routes_by_url_path", False):
        return None
    return route_below(home, request, components)


def _load(pk, type_id):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(type_id).model_class()
    if model is None or not issubclass(model, Page):
        return None
    return model._default_manager.select_related("locale").filter(pk=pk).first()


def route_for_request(request, path: str):
    """Wagtail's ``Page.route_for_request``, starting at ``locale_root``;
    the result is where Wagtail keeps its own (``_wagtail_route_for_request``),
    so Wagtail's serving and ``Page.find_for_request`` use it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = None
        try:
            site = find_site(request)
            if site is not None:
                components = [component for component in path.split("/") if component]
                result = _route_below_home(request, site, components)
                if result is None:
                    result = locale_root(request, site).route(request, components)
        except Http404:
            result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def serve(request, path):
    """Wagtail's page view, routed by ``route_for_request`` first."""
    from wagtail import views

    route_for_request(request, path)
    return views.serve(request, path)


def file_url(names: str, name: str):
    """A URL for page sub-routes whose last segment has a dot (``export.csv``,
    ``event.ics``), which Wagtail's own pattern does not take: ``names`` is a
    regex alternative of file names. The request goes through ``serve`` with
    the sub-route's slash added, so the page's privacy checks, Wagtail's
    ``before_serve_page`` hooks and the page cache apply as to the page."""
    from django.urls import re_path

    def serve_file(request, page_path: str, file_name: str):
        return serve(request, f"{page_path}{file_name}/")

    return re_path(rf"^((?:[\w\-]+/)+)({names})$", serve_file, name=name)


def page_urls() -> list:
    """Wagtail's front-end URLs, its page view replaced by ``serve`` (same
    pattern, same name, so ``pageurl`` and ``reverse`` are unchanged)."""
    from django.urls import re_path
    from wagtail import urls as wagtail_urls

    return [
        re_path(pattern.pattern.regex.pattern, serve, name=pattern.name)
        if pattern.name == "wagtail_serve"
        else pattern
        for pattern in wagtail_urls.urlpatterns
    ]
