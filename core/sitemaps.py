"""``/sitemap.xml``: every live, public page of the site in every locale, each
with ``xhtml:link`` alternates naming its live translations."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page


class LocalizedSitemap(Sitemap):
    """Wagtail's page sitemap over the site's root page and all its
    translations (one tree per locale)."""

    def items(self):
        """The pages, evaluated once, each with its locale attached (the
        specific() fetch would otherwise look each locale up again)."""
        if getattr(self, "_items_cache", None) is None:
            locales = {locale.pk: locale for locale in Locale.objects.all()}
            pages = list(self._pages())
            for page in pages:
                page.locale = locales[page.locale_id]
            self._items_cache = pages
        return self._items_cache

    def _pages(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).only("path")
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        if not under_a_root:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .filter(under_a_root)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _alternates(self):
        """``{translation_key: [{lang_code, location}, ...]}`` for every page
        in the sitemap, computed once per request."""
        if getattr(self, "_alternates_cache", None) is None:
            groups = defaultdict(list)
            for page in self.paginator.object_list:
                groups[page.translation_key].append(
                    {
                        "lang_code": page.locale.language_code,
                        "location": page.get_full_url(self.request),
                    }
                )
            order = {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}
            for links in groups.values():
                links.sort(key=lambda link: order.get(link["lang_code"], len(order)))
            self._alternates_cache = groups
        return self._alternates_cache

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            urls.extend(dict(info) for info in item.get_sitemap_urls(self.request))
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        alternates = self._alternates()
        by_location = {}
        for links in alternates.values():
            if len(links) > 1:
                for link in links:
                    by_location[link["location"]] = links
        for url in urls:
            links = by_location.get(url["location"], [])
            url["alternates"] = links
            default = next(
                (link for link in links if link["lang_code"] == settings.LANGUAGE_CODE), None
            )
            url["x_default"] = default["location"] if default else None
        return urls


def sitemap(request):
    return wagtail_sitemap(
        request, sitemaps={"pages": LocalizedSitemap}, template_name="core/sitemap.xml"
    )
