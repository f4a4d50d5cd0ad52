"""Views of the knowledgebase app under the language prefix (/<lang>/...).

Included by creativeflip/urls.py before Wagtail's page serving."""

from django.urls import path, re_path
from wagtail import views as wagtail_views

from core.pagecache.middleware import cache_listing
from knowledgebase.feeds import filtered_feed


def calendar_file(request, page_path: str, name: str):
    """``<page>/event.ics`` and ``<news index>/events.ics``: Wagtail's page
    serving (and so its privacy checks) with the routable page's sub-route.
    Wagtail's own URL pattern takes only paths that end in a slash."""
    return wagtail_views.serve(request, f"{page_path}{name}/")


urlpatterns: list = [
    path("feeds/", cache_listing(filtered_feed), name="feeds"),
    re_path(r"^((?:[\w\-]+/)+)(events?\.ics)$", calendar_file, name="calendar_file"),
]
