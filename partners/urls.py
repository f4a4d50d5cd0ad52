"""Views of the partners app under the language prefix (/<lang>/...).

Included by creativeflip/urls.py before Wagtail's page serving. Wagtail's
page URLs cannot contain a dot, so ``<directory>/export.csv`` is matched
here and handed to the directory page's own ``export.csv`` sub-route."""

from django.http import Http404
from django.urls import re_path

from core.restrictions import refuse_learners
from core.site_roots import route_for_request


def export_csv(request, page_path):
    route = route_for_request(request, "/" + page_path)
    page = route[0] if route else None
    if page is None or not page.live:
        raise Http404
    page = page.specific
    from partners.models import PartnerIndexPage

    if not isinstance(page, PartnerIndexPage):
        raise Http404
    # The same checks as serving the page: view restrictions apply.
    restrictions = list(page.get_view_restrictions())
    if refuse_learners(lambda: restrictions, request) is not None:
        raise Http404
    for restriction in restrictions:
        if not restriction.accept_request(request):
            raise Http404
    view, args, kwargs = page.resolve_subpage("/export.csv")
    return view(request, *args, **kwargs)


urlpatterns = [
    re_path(r"^(?P<page_path>(?:[\w\-]+/)+)export\.csv$", export_csv, name="partners_export_csv"),
]
