"""File answers of the funding pages under the language prefix: the
finder's ``shortlist.csv`` and ``deadlines.ics``, and an opportunity's
``deadlines.ics``, served as the pages' sub-routes (core/site_roots.py).
Included by creativeflip/urls.py before Wagtail's pages."""

from core.site_roots import file_url

urlpatterns = [file_url(r"shortlist\.csv|deadlines\.ics", "funding_file")]
