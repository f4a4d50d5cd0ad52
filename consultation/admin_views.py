"""Admin views for moderators: the list of consultations they moderate, a
consultation's summary report and its CSV export. Each checks
``consultation.moderation`` (a partner's editors: their own section only)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header

from consultation import moderation, reports
from consultation.models import Consultation, ResponseStatus


def _consultation_for(request, pk):
    consultation = Consultation.objects.select_related("page", "locale").filter(pk=pk).first()
    if consultation is None:
        raise Http404
    if not moderation.may_moderate(request.user, consultation):
        raise PermissionDenied
    return consultation


def report_index(request):
    if not moderation.can_moderate_any(request.user):
        raise PermissionDenied
    seen = set()
    rows = []
    consultations = (
        moderation.moderated_consultations(request.user)
        .select_related("page", "locale")
        .order_by("-closes_on", "locale__pk", "pk")
    )
    for consultation in consultations:
        # One row per consultation, not per language version.
        if consultation.translation_key in seen:
            continue
        seen.add(consultation.translation_key)
        rows.append(consultation)
    pending = dict(
        moderation.visible_responses(request.user)
        .filter(status=ResponseStatus.PENDING)
        .values_list("consultation__translation_key")
        .annotate(n=Count("pk"))
    )
    today = timezone.localdate()
    items = [
        {"consultation": c, "state": c.state(today), "pending": pending.get(c.translation_key, 0)}
        for c in rows
    ]
    return render(request, "consultation/admin/index.html", {"items": items})


def summary(request, pk):
    consultation = _consultation_for(request, pk)
    context = {
        "consultation": consultation,
        "state": consultation.state(),
        **reports.summary(consultation),
    }
    return render(request, "consultation/admin/summary.html", context)


def export(request, pk):
    consultation = _consultation_for(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # BOM: spreadsheets then read UTF-8 correctly
    response.write(reports.export_csv(consultation))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"consultation-{consultation.pk}.csv"
    )
    return response
