"""/<lang>/search/ and /<lang>/search/suggest/, and the JSON API."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from core import chrome
from core.site_roots import active_locale

from .landing import latest_papers, popular_themes, suggest
from .query import parse_params, run_search
from .serializers import outcome_to_json

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def record_hit(text: str) -> None:
    """Count a search for the promotions report: one UPDATE of today's row
    (Wagtail's ``Query.get(text).add_hit()`` reads the query and the day
    first: three queries); the rows are made on the first hit of the day."""
    if not text:
        return
    from django.utils import timezone
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    hits, queries = QueryDailyHits._meta.db_table, Query._meta.db_table
    sql = f"""
        UPDATE {hits} SET hits = hits + 1 WHERE date = %s
        AND query_id = (SELECT id FROM {queries} WHERE query_string = %s)
    """  # noqa: S608 - table names only (as the ORM's update, without its Python)
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now().date(), normalise_query_string(text)])
        updated = cursor.rowcount
    if not updated:
        Query.get(text).add_hit()


@require_GET
def search_page(request):
    locale = active_locale(request)
    params = parse_params(request.GET)
    context = {"params": params, "search_query": params.q}
    if params.terms or params.filters:
        outcome = run_search(params, locale)
        record_hit(params.q)
        context["outcome"] = outcome
        context["querystring"] = params
    else:
        if params.q:
            params.messages.append(_("Type a word or two to search."))
        context["themes"] = chrome.remembered(
            request, f"popular-themes:{locale.pk}", lambda: popular_themes(locale)
        )
        context["papers"] = latest_papers(locale)
    return TemplateResponse(request, "search/search_page.html", context)


@require_GET
def suggest_view(request):
    locale = active_locale(request)
    data = suggest(request.GET.get("q", "") or "", locale)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_search(request):
    code = request.GET.get("locale", settings.LANGUAGE_CODE) or ""
    if code not in LANGUAGE_CODES:
        return JsonResponse(
            {"error": "unknown locale", "locales": sorted(LANGUAGE_CODES)}, status=400
        )
    try:
        locale = Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        return JsonResponse({"error": "locale not set up"}, status=400)
    with translation.override(code):
        params = parse_params(request.GET)
        outcome = run_search(params, locale)
        data = outcome_to_json(outcome, request)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
