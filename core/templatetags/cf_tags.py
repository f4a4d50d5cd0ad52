"""Template tags every app uses: the language switcher and hreflang links."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core.site_url import absolute_url

register = template.Library()


def _locale_homes(request) -> dict[str, Page]:
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per configured language: where that language's version of
    the current page is, and whether it exists.

    For a Wagtail page, the live translation's URL; where none is live, the
    home page of that language with ``?untranslated=1`` (so it can show a
    notice), flagged ``available=False``. For any other view, the same path
    under the other prefix."""
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = context.get("page")
    links = []
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            # Only URLs are needed: never parse the translations' StreamFields.
            for p in page.get_translations(inclusive=True)
            .live()
            .defer_streamfields()
            .select_related("locale")
        }
        homes = None
        for code, name in settings.LANGUAGES:
            target = translations.get(code)
            available = target is not None
            if target is None:
                homes = _locale_homes(request) if homes is None else homes
                target = homes.get(code)
            url = target.get_url(request) if target is not None else f"/{code}/"
            if not available:
                url = f"{url}?{urlencode({UNTRANSLATED_PARAM: 1})}"
            links.append(_link(code, name, url, current, available))
    else:
        path = request.get_full_path()
        for code, name in settings.LANGUAGES:
            links.append(_link(code, name, translate_url(path, code), current, True))
    return links


UNTRANSLATED_PARAM = "untranslated"


# Not carried to another language: the result page (counts differ) and the
# switcher's own flag.
NOT_CARRIED = {"page", UNTRANSLATED_PARAM}


@register.filter
def carry_query(url: str, request) -> str:
    """``url`` with the request's query string (filters such as
    ``?theme=finance``), so a filtered listing stays filtered in the other
    language. Applied when rendering, after any caching of the links; a URL
    that already has a query (the path of a non-page view) is left as is."""
    if request is None or not request.GET or "?" in url:
        return url
    query = request.GET.copy()
    for name in NOT_CARRIED:
        query.pop(name, None)
    return f"{url}?{query.urlencode()}" if query else url


@register.filter
def has_fallback(links) -> bool:
    """Whether any language in the switcher only offers its home page."""
    return any(not link["available"] for link in links)


@register.simple_tag(takes_context=True)
def untranslated_notice(context):
    """The name of the active language when the visitor arrived from the
    switcher because the page they were reading has no translation here."""
    request = context.get("request")
    if request is None or request.GET.get(UNTRANSLATED_PARAM) != "1":
        return ""
    return dict(settings.LANGUAGES).get(translation.get_language(), "")


def _link(code, name, url, current, available):
    return {
        "code": code,
        "name": name,
        "url": url,
        "current": code == current,
        "available": available,
    }


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """Absolute URLs of the translations that exist, plus ``x-default`` (the
    English version, else the first that exists)."""
    request = context.get("request")
    if request is None:
        return []
    links = [
        {"hreflang": link["code"], "href": absolute_url(request, link["url"])}
        for link in language_links(context)
        if link["available"]
    ]
    if links:
        default = next((x for x in links if x["hreflang"] == settings.LANGUAGE_CODE), links[0])
        links.append({"hreflang": "x-default", "href": default["href"]})
    return links


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page of the active language, for the header and footer."""
    request = context.get("request")
    if request is None:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return site.root_page.specific
    return (site.root_page.get_translation_or_none(locale) or site.root_page).specific


@register.simple_tag
def menu_pages(home):
    """The top-level pages shown in the header navigation."""
    if home is None:
        return []
    return home.get_children().live().in_menu()
