"""``/sitemap.xml``: a sitemap index whose pages (``/sitemap-pages.xml``,
``?p=2``...) list at most 10,000 live, public pages each, in every locale,
each with ``xhtml:link`` alternates naming its live translations. Every
response is cached and purged with the pages (core/pagecache)."""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Max, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Locale, Page, Site

from core.pagecache.middleware import cacheable
from core.pagecache.rules import sitemap_tags
from core.site_url import absolute_url

URLS_PER_SITEMAP = 10_000
SECTION = "pages"


class SitemapPage(list):
    """One sitemap page's pages, their alternates attached in one query
    (Wagtail's sitemap iterates it with ``.iterator()``)."""

    def iterator(self):
        return iter(self)


class PagesWithAlternates:
    """The sitemap's pages as the paginator sees them: counted and sliced in
    the database; each slice gets its pages' translations attached."""

    def __init__(self, queryset, request):
        self.queryset = queryset
        self.request = request

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        pages = SitemapPage(self.queryset[key])
        attach_locales(pages)
        attach_alternates(pages, self.queryset, self.request)
        return pages


def attach_locales(pages) -> None:
    """Each page's locale from one query (URLs need it; ``specific(defer=True)``
    drops ``select_related``)."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for page in pages:
        page.locale = locales[page.locale_id]


def attach_alternates(pages, live_pages, request) -> None:
    """Set ``sitemap_alternates`` on each page: the live, public translations
    of it (itself included) in the order of settings.LANGUAGES, or [] when it
    has none besides itself."""
    order = {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}
    keys = {page.translation_key for page in pages}
    groups: dict = {}
    translations = list(live_pages.filter(translation_key__in=keys).order_by())
    attach_locales(translations)
    for translation in translations:
        groups.setdefault(translation.translation_key, []).append(
            {
                "lang_code": translation.locale.language_code,
                "location": translation.get_full_url(request),
            }
        )
    for links in groups.values():
        links.sort(key=lambda link: order.get(link["lang_code"], len(order)))
    for page in pages:
        links = groups.get(page.translation_key, [])
        page.sitemap_alternates = links if len(links) > 1 else []


class LocalizedSitemap(Sitemap):
    """Wagtail's page sitemap over the site's root page and all its
    translations (one tree per locale)."""

    limit = URLS_PER_SITEMAP

    def live_pages(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).only("path")
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        if not under_a_root:
            return Page.objects.none()
        return Page.objects.live().public().filter(under_a_root)

    def items(self):
        pages = self.live_pages().order_by("path").specific(defer=True)
        return PagesWithAlternates(pages, self.request)

    def get_latest_lastmod(self):
        return self.live_pages().aggregate(latest=Max("last_published_at"))["latest"]


@x_robots_tag
def sitemap(request):
    """The sitemap index: one entry per page of at most URLS_PER_SITEMAP
    URLs, on SITE_URL (Django's index would name the request's host)."""
    cacheable(request, sitemap_tags())
    pages = LocalizedSitemap(request)
    location = absolute_url(request, reverse("sitemap_section", kwargs={"section": SECTION}))
    lastmod = pages.get_latest_lastmod()
    entries = [
        SitemapIndexItem(location if number == 1 else f"{location}?p={number}", lastmod)
        for number in pages.paginator.page_range
    ]
    headers = {"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )


def sitemap_section(request, section):
    cacheable(request, sitemap_tags())
    return wagtail_sitemap_views.sitemap(
        request,
        sitemaps={SECTION: LocalizedSitemap},
        section=section,
        template_name="core/sitemap.xml",
    )


def sitemap_urls() -> list[str]:
    """Every URL of the sitemap, for a frontend cache purge."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    index = site.root_url + reverse("sitemap")
    section = site.root_url + reverse("sitemap_section", kwargs={"section": SECTION})
    sitemap = LocalizedSitemap()
    sitemap.request = None
    count = sitemap.live_pages().count()
    pages = max(1, -(-count // URLS_PER_SITEMAP))
    return [index, section] + [f"{section}?p={n}" for n in range(2, pages + 1)]
