"""Template tags every app uses: the language switcher and hreflang links."""

from django import template
from django.conf import settings
from django.utils import translation

from core.site_url import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per configured language: where that language's version of
    the current page is, and whether it exists (see core/chrome.py; computed
    once per request and cached)."""
    request = context.get("request")
    if request is None:
        return []
    from core import chrome

    return chrome.language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The home page URL and menu items of the active language, for the
    header: ``{"home_url": ..., "items": [{"url", "title", "path", "depth"}]}``."""
    request = context.get("request")
    if request is None:
        return {"home_url": "/", "items": []}
    from core import chrome

    return chrome.menu(request)


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
    from core.chrome import find_site
    from core.site_roots import locale_root

    site = find_site(request)
    if site is None:
        return None

    return locale_root(request, site)


@register.simple_tag(takes_context=True)
def absolute(context, url=None):
    """``url`` (default: this request's path and query) as an absolute URL on
    SITE_URL, so that every application server writes the same one."""
    request = context["request"]
    return absolute_url(request, request.get_full_path() if url is None else url)
