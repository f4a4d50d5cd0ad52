from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import document_access, favicon, site_roots
from core import views as core_views
from core.page_visibility import chooser_urls
from core.sitemaps import sitemap, sitemap_section
from creativeflip.api import api_router
from creativeflip.openapi import openapi_view

urlpatterns = [
    # Wagtail's page chooser views, hiding pages the user may not see; first,
    # so they answer instead of Wagtail's own.
    path("admin/", include(chooser_urls)),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, marking files that are not public as private.
    re_path(r"^documents/(\d+)/(.*)$", document_access.serve, name="serve_document"),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz/", core_views.healthz, name="healthz"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("robots.txt", favicon.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("api/v2/", include("search.api_urls")),
    path("api/v2/openapi.json", openapi_view, name="openapi"),
    path("api/v2/", api_router.urls),
    path("oai/", include("harvest.urls")),
]

# Each app's own views (search, the skills explorer, accounts...) come before
# Wagtail's page serving, which matches every other path.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("learning.urls")),
    path("", include("partners.urls")),
    path("", include("knowledgebase.urls")),
    path("", include("consultation.urls")),
    path("", include("funding.urls")),
    # Wagtail's page serving, from each language's home page in one query.
    path("", include(site_roots.page_urls())),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )

if getattr(settings, "SERVE_MEDIA", False) and not settings.DEBUG:
    # Development with DEBUG off: images and renditions only; documents
    # always go through Wagtail's view, which applies page privacy.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns = [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
