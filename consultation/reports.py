"""The summary of a consultation (over every language version) and its CSV
export. Cells pass through core.csv_cells, so no response runs as a formula
in a spreadsheet."""

import csv
import io

from django.db.models import Count
from django.utils.translation import gettext as _
from django_countries import countries

from consultation.models import (
    Consent,
    ConsultationResponse,
    OrganisationType,
    ResponseStatus,
)
from consultation.sections import document_sections
from core.csv_cells import csv_safe

# Statuses that count as real responses in the summary.
COUNTED = (ResponseStatus.PENDING, ResponseStatus.APPROVED)


def responses_of(consultation):
    return ConsultationResponse.objects.filter(
        consultation__translation_key=consultation.translation_key
    ).exclude(status=ResponseStatus.UNCONFIRMED)


def _grouped(queryset, field, labels):
    rows = queryset.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(labels.get(row[field], row[field]) or _("Not given"), row["n"]) for row in rows]


def summary(consultation) -> dict:
    responses = responses_of(consultation)
    counted = responses.filter(status__in=COUNTED)
    titles = dict(document_sections(consultation.page.specific))
    titles[""] = _("The whole document")
    by_section = [
        (titles.get(key, stored or key), n)
        for key, stored, n in counted.values_list("section", "section_title")
        .annotate(n=Count("pk"))
        .order_by("-n", "section")
    ]
    return {
        "by_status": _grouped(responses, "status", dict(ResponseStatus.choices)),
        "counted": counted.count(),
        "by_section": by_section,
        "by_type": _grouped(counted, "organisation_type", dict(OrganisationType.choices)),
        "by_country": _grouped(counted, "country", dict(countries)),
        "by_language": _grouped(counted, "language", {}),
        "published": counted.filter(status=ResponseStatus.APPROVED)
        .exclude(consent=Consent.PRIVATE)
        .count(),
    }


def export_csv(consultation) -> str:
    questions = consultation.question_list()
    titles = dict(document_sections(consultation.page.specific))
    out = io.StringIO()
    writer = csv.writer(out)
    header = [
        "id",
        "received",
        "status",
        "language",
        "section_id",
        "section",
        "comment",
        *[f"Q: {text}" for _id, text in questions],
        "organisation_type",
        "country",
        "sector",
        "publication",
        "name",
        "reply",
    ]
    writer.writerow([csv_safe(cell) for cell in header])
    rows = responses_of(consultation).order_by("created_at", "pk")
    for row in rows.iterator():
        cells = [
            row.pk,
            row.created_at.isoformat(),
            row.status,
            row.language,
            row.section,
            titles.get(row.section, row.section_title),
            row.comment,
            *[row.answers.get(block_id, "") for block_id, _text in questions],
            row.organisation_type,
            str(row.country or ""),
            row.sector,
            row.consent,
            row.name,
            row.reply,
        ]
        writer.writerow([csv_safe(cell) for cell in cells])
    return out.getvalue()
