"""File answers of the funding pages under the language prefix: the
finder's ``shortlist.csv`` and ``deadlines.ics``, and an opportunity's
``deadlines.ics``. Wagtail's page URLs end in a slash, so these are handed
to Wagtail's page serving (and its privacy checks) with the sub-route's
slash added. Included by creativeflip/urls.py before Wagtail's pages."""

from django.urls import re_path
from wagtail import views as wagtail_views


def funding_file(request, page_path: str, name: str):
    return wagtail_views.serve(request, f"{page_path}{name}/")


urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+)(shortlist\.csv|deadlines\.ics)$", funding_file, name="funding_file"),
]
