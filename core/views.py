from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation


def healthz(request):
    """For load balancers: 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    """A styled 404. Outside a language prefix (``/xx/...`` with a language
    we do not serve) it speaks the site's default language."""
    if translation.get_language_from_path(request.path_info) is not None:
        return render(request, "404.html", status=404)
    # Only for this render: LocaleMiddleware still redirects "/path" by the
    # visitor's preferred language afterwards.
    with translation.override(settings.LANGUAGE_CODE):
        return render(request, "404.html", {"LANGUAGE_CODE": settings.LANGUAGE_CODE}, status=404)


def server_error(request):
    # No context processors that could fail again: a plain, styled page.
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(template.render({"LANGUAGE_CODE": translation.get_language()}), status=500)
