"""The parts of every page around its content: the header menu, the language
switcher and the hreflang alternates.

They are computed once per request (kept on the request) and kept in Django's
cache between requests, keyed by

- a *site structure generation*, a value that changes whenever a page is
  published, unpublished, moved, deleted or copied live, or a site or locale
  changes (receivers below): any of these can change a menu, a translation's
  URL or whether a translation exists;
- the site, the active language, and for a page its id, latest revision and
  last publication.

Parts that depend on a few models' rows alone (which pages have a
consultation, the sectors) are kept under a generation of their own,
renewed when such a row is saved or deleted, not by a publish
(``remembered(..., part=...)``, the models' ``chrome_part``).

Nothing in them depends on the user: the menu lists live pages shown in
menus and the switcher lists live translations, whoever asks. With a cache
that processes do not share (local memory, when ``REDIS_URL`` is not set),
another process never hears of a change, so entries live a minute there;
with Redis, a day.
"""

import hashlib
import time
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from django.urls import NoReverseMatch, Resolver404, get_urlconf, resolve, reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import bulkload

GENERATION_KEY = "chrome:generation"
SHARED_TIMEOUT = 24 * 60 * 60
LOCAL_TIMEOUT = 60


def _timeout() -> int:
    return LOCAL_TIMEOUT if isinstance(cache, LocMemCache) else SHARED_TIMEOUT


def bump_generation(**_kwargs) -> None:
    """Forget every cached chrome (old keys are never read again)."""
    if bulkload.active():
        return  # once, when the bulk load ends
    cache.set(GENERATION_KEY, time.time_ns(), None)


def renew_part(name: str) -> None:
    """Forget what is kept under the generation of part ``name`` (see
    ``remembered``)."""
    if bulkload.active():
        return  # once, when the bulk load ends
    cache.set(f"{GENERATION_KEY}:{name}", time.time_ns(), None)


# Parts of models that cannot say ``chrome_part`` themselves (another
# library's), by model class: ``keep_part_of``.
_PARTS: dict = {}


def keep_part_of(model, name: str) -> None:
    """Renew part ``name`` when a row of ``model`` is saved or deleted, as
    for a model whose ``chrome_part`` is ``name``."""
    _PARTS[model] = name


def part_of(model_or_row) -> str:
    model = model_or_row if isinstance(model_or_row, type) else type(model_or_row)
    return getattr(model, "chrome_part", "") or _PARTS.get(model, "")


def renew_everything() -> None:
    """The chrome and every part kept apart from it, forgotten."""
    from django.apps import apps

    bump_generation()
    for name in {part_of(model) for model in apps.get_models()} - {""}:
        renew_part(name)


def _generation(request, part: str = "") -> int:
    memo = _memo(request)
    memo_key = f"generation:{part}"
    if memo_key not in memo:
        key = f"{GENERATION_KEY}:{part}" if part else GENERATION_KEY
        value = cache.get(key)
        if value is None:
            value = time.time_ns()
            cache.add(key, value, None)
            value = cache.get(key, value)
        memo[memo_key] = value
    return memo[memo_key]


def _memo(request) -> dict:
    if request is None:  # code without a request: the cache only
        return {}
    if not hasattr(request, "_cf_chrome"):
        request._cf_chrome = {}
    return request._cf_chrome


def _cached(request, key: str, compute, part: str = ""):
    memo = _memo(request)
    memo_key = f"{part}:{key}"
    if memo_key not in memo:
        full_key = f"chrome:{part}:{_generation(request, part)}:{key}"
        value = cache.get(full_key)
        if value is None:
            value = compute()
            cache.set(full_key, value, _timeout())
        memo[memo_key] = value
    return memo[memo_key]


def remembered(request, key: str, compute, part: str = ""):
    """``compute()``, kept like the chrome: once per request, and in the
    cache until the next publish, unpublish, move or delete of a page.

    With ``part``, kept instead until a row of a model whose
    ``chrome_part`` names it is saved or deleted, or a bulk load ends: for
    what depends on those rows alone, so a publish elsewhere does not
    read it again (which pages have a consultation, the sectors).

    ``request`` may be None (code that has none, such as ``run_search``
    from the API): the value is then read from the cache each call."""
    return _cached(request, key, compute, part)


def find_site(request):
    """``Site.find_for_request`` without a query: which site (with its root
    page) answers each host and port is kept like the chrome, and a change
    of any site renews it. Wagtail's own calls then find it on the request."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        key = "site:" + hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:24]
        request._wagtail_site = _cached(request, key, lambda: Site._find_for_request(request))
    return request._wagtail_site


def _homes(request, site, page=None) -> dict:
    """The live home page of each language; with ``page``, its live
    translations are read in the same query (``memo["translations"]``)."""
    memo = _memo(request)
    if "homes" not in memo or (page is not None and "translations" not in memo):
        keys = [site.root_page.translation_key]
        if page is not None:
            keys.append(page.translation_key)
        rows = Page.objects.filter(translation_key__in=keys).live().select_related("locale")
        homes, translations = {}, {}
        for row in rows:
            code = row.locale.language_code
            if row.translation_key == site.root_page.translation_key:
                homes[code] = row
            if page is not None and row.translation_key == page.translation_key:
                translations[code] = row
        memo["homes"] = homes
        if page is not None:
            memo["translations"] = translations
    return memo["homes"]


def _menu_home(request, site, language) -> Page:
    """The home page the menu hangs from. Where the site's roots are kept
    (``core.site_roots``, renewed with the chrome), a page made of what is
    kept of it: its children and its URL need only its path and url_path,
    so a view (search) reads no home page. Else the live home of
    ``language``, or the site's root page."""
    from core.site_roots import kept_home

    kept = kept_home(request, site)
    if kept is not None:
        return Page(
            pk=kept["pk"],
            path=kept["path"],
            depth=len(kept["path"]) // Page.steplen,
            url_path=kept["url_path"],
        )
    return _homes(request, site).get(language) or site.root_page


def menu(request) -> dict:
    """``{"home_url": ..., "items": [{"url", "title", "path", "depth"}]}`` for
    the active language: its home page and the live pages shown in menus
    under it."""
    site = find_site(request)
    if site is None:
        return {"home_url": "/", "items": []}
    language = translation.get_language()

    def compute():
        home = _menu_home(request, site, language)
        # child_of(), not get_children(): a page made of what is kept has
        # no numchild, and treebeard takes it for a leaf.
        items = Page.objects.child_of(home).live().in_menu().order_by("path")
        return {
            "home_url": home.get_url(request) or "/",
            "items": [
                {
                    "url": item.get_url(request),
                    "title": item.title,
                    "path": item.path,
                    "depth": item.depth,
                }
                for item in items
            ],
        }

    return _cached(request, f"menu:{site.pk}:{language}", compute)


def language_links(request, page) -> list[dict]:
    """One entry per configured language: where that language's version of
    the current page is, and whether it exists.

    For a Wagtail page, the live translation's URL; where none is live, the
    home page of that language with ``?untranslated=1`` (so it can show a
    notice), flagged ``available=False``. For any other view, the same path
    under the other prefix, with the same query (``view_path``)."""
    from core.templatetags.cf_tags import UNTRANSLATED_PARAM

    current = translation.get_language()
    if not (isinstance(page, Page) and page.pk):
        # Once per request: the switcher and the hreflang links both ask.
        path = request.get_full_path()
        memo = _memo(request)
        key = ("view-links", path, current)
        if key not in memo:
            memo[key] = [
                _link(code, name, view_path(path, code), current, True)
                for code, name in settings.LANGUAGES
            ]
        return memo[key]
    site = find_site(request)

    def compute():
        if site is not None:
            _homes(request, site, page)
            translations = _memo(request)["translations"]
        else:
            translations = {
                p.locale.language_code: p
                for p in Page.objects.filter(translation_key=page.translation_key)
                .live()
                .select_related("locale")
            }
        links = []
        for code, _name in settings.LANGUAGES:
            target = translations.get(code)
            available = target is not None
            if target is None and site is not None:
                target = _homes(request, site).get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
            if not available:
                url = f"{url}?{UNTRANSLATED_PARAM}=1"
            links.append({"code": code, "url": url, "available": available})
        return links

    published = page.last_published_at.timestamp() if page.last_published_at else ""
    key = f"links:{site.pk if site else ''}:{page.pk}:{page.latest_revision_id}:{published}"
    links = _cached(request, key, compute)
    # Names and "current" depend on the request, not on the page.
    names = dict(settings.LANGUAGES)
    return [
        _link(link["code"], names[link["code"]], link["url"], current, link["available"])
        for link in links
        if link["code"] in names
    ]


# Where a view's path is in each language, kept in this process (see
# view_path): (path, language code, urlconf, active language) -> the
# translated path, or None where Django's translate_url keeps the URL.
VIEW_PATHS_MAX = 1000
_view_paths: dict = {}
_UNKNOWN = object()


def view_path(path: str, code: str) -> str:
    """``translate_url(path, code)``, with its resolve and reverse done once
    per process for each path without its query: the search page is asked
    for with a new query each time.

    Django's ``translate_url`` resolves the URL's path and, when that and
    the reverse in ``code`` work, puts the result in place of the path,
    keeping scheme, host, query and fragment (``urlunsplit``); otherwise it
    returns the URL as it was. This does the same. Resolving depends on the
    urlconf and, under ``i18n_patterns``, on the active language (the prefix
    it accepts), so both are in the key; settings that change URLs (in
    tests) empty it. At most ``VIEW_PATHS_MAX`` entries: emptied when full."""
    parsed = urlsplit(path)
    key = (parsed.path, code, get_urlconf(), translation.get_language())
    translated = _view_paths.get(key, _UNKNOWN)
    if translated is _UNKNOWN:
        translated = _translated_path(parsed.path, code)
        if len(_view_paths) >= VIEW_PATHS_MAX:
            _view_paths.clear()
        _view_paths[key] = translated
    if translated is None:
        return path
    return urlunsplit((parsed.scheme, parsed.netloc, translated, parsed.query, parsed.fragment))


def _translated_path(path: str, code: str) -> str | None:
    """What Django's ``translate_url`` puts in place of ``path`` (the URL's
    path part), or None where it keeps the URL unchanged."""
    try:
        match = resolve(unquote(path))  # the path may be encoded
    except Resolver404:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None


@receiver(setting_changed, dispatch_uid="chrome-view-paths")
def _forget_view_paths(**_kwargs):
    _view_paths.clear()


def _link(code, name, url, current, available):
    return {
        "code": code,
        "name": name,
        "url": url,
        "current": code == current,
        "available": available,
    }


# Site structure changes: every cached chrome is forgotten.
page_published.connect(bump_generation, dispatch_uid="chrome-published")
page_unpublished.connect(bump_generation, dispatch_uid="chrome-unpublished")
post_page_move.connect(bump_generation, dispatch_uid="chrome-moved")


@receiver(post_delete, dispatch_uid="chrome-deleted")
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | Site | Locale) or getattr(instance, "in_page_chrome", False):
        bump_generation()
    if part_of(instance):
        renew_part(part_of(instance))


@receiver(post_save, dispatch_uid="chrome-saved")
def _saved(sender, instance, created=False, **kwargs):
    # A page created live (copied with its live status, imported) is in
    # menus without a publish; sites and locales change URLs and languages.
    # Models marked ``in_page_chrome`` (footer links, themes) are shown from
    # what this module keeps.
    if (
        isinstance(instance, Site | Locale)
        or getattr(instance, "in_page_chrome", False)
        or (created and isinstance(instance, Page) and instance.live)
    ):
        bump_generation()
    if part_of(instance):
        renew_part(part_of(instance))
