"""The site's URLs plus ``/bare/``: a view that does nothing, through the same
middleware, as the ceiling for page_cache_bench.py."""

from django.http import HttpResponse
from django.urls import path

from creativeflip.urls import handler404, handler500  # noqa: F401
from creativeflip.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bare/", bare), *site_urlpatterns]
