"""Views of the knowledgebase app under the language prefix (/<lang>/...):
filtered feeds, and ``<page>/event.ics`` and ``<news index>/events.ics``
served as the pages' sub-routes (core/site_roots.py). Included by
creativeflip/urls.py before Wagtail's page serving."""

from django.urls import path

from core.pagecache.middleware import cache_listing
from core.site_roots import file_url
from knowledgebase.feeds import filtered_feed

urlpatterns: list = [
    path("feeds/", cache_listing(filtered_feed), name="feeds"),
    file_url(r"events?\.ics", "calendar_file"),
]
