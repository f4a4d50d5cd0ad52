"""The finder's answers: the HTML page, the shortlist as CSV and the
deadlines of a result list as iCalendar. All three take the same GET
parameters, so each is a link to share; ``pick`` (repeated) narrows the
CSV and the calendar to chosen results, ``compare`` (up to three) shows
opportunities side by side. Bad parameters answer 400 with the reason."""

import csv

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.csv_cells import csv_safe

from . import compare
from .calendar import calendar_response
from .choices import Instrument
from .finder import (
    MAX_COMPARE,
    MAX_PICKS,
    FinderForm,
    amount_text,
    assess,
    chosen_ids,
    live_opportunities,
    rank,
)

# The page lists the best fits; the CSV and the calendar take them all.
MAX_SHOWN = 50
PASSED_ON = ("who", "sector", "purpose", "amount", "country", "stage", "instrument", "past", "pick")


class Finding:
    """The form, the ranked matches and the problems of one request."""

    def __init__(self, index, request):
        self.today = timezone.localdate()
        self.form = FinderForm(request.GET or None, locale=index.locale)
        self.errors: list[str] = []
        self.compare_rows: list = []
        self.pages = live_opportunities(index.locale)
        answers = self.form.answers
        valid = not self.form.is_bound or self.form.is_valid()
        self.matches = (
            rank(self.pages, answers, self.form.sector_names, self.today) if valid else []
        )
        picks = chosen_ids(request.GET.getlist("pick"), MAX_PICKS)
        compare = request.GET.getlist("compare")
        if not compare and "compare_picked" in request.GET:
            compare = request.GET.getlist("pick")
            if not compare:
                self.errors.append(_("Tick the opportunities to compare first."))
        self.compared = self._compared(compare, answers)
        if picks is None:
            self.errors.append(
                _("Choose at most %(n)d results, by their number.") % {"n": MAX_PICKS}
            )
        elif picks:
            order = {pk: i for i, pk in enumerate(picks)}
            self.matches = sorted(
                (m for m in self.matches if m.page.pk in order), key=lambda m: order[m.page.pk]
            )
        query = request.GET.copy()
        for name in list(query):
            if name not in PASSED_ON:
                del query[name]
        self.query = query.urlencode()
        self.hidden = [(name, value) for name, value in query.lists() if name != "pick"]
        self.hidden = [(name, v) for name, values in self.hidden for v in values]
        self.picked = {str(pk) for pk in picks or ()}

    @property
    def bad(self) -> bool:
        return bool(self.errors) or (self.form.is_bound and not self.form.is_valid())

    def _compared(self, values, answers):
        if not values:
            return []
        ids = chosen_ids(values, MAX_COMPARE)
        if ids is None:
            self.errors.append(
                _("Compare up to %(n)d opportunities, chosen from the results.")
                % {"n": MAX_COMPARE}
            )
            return []
        by_id = {page.pk: page for page in self.pages}
        if any(pk not in by_id for pk in ids):
            self.errors.append(_("One of the opportunities to compare does not exist here."))
            return []
        shown = {**answers, "instrument": None, "past": True}
        shown.pop("who", None)
        shown.pop("country", None)
        matches = [assess(by_id[pk], shown, self.today, self.form.sector_names) for pk in ids]
        pages = [match.page for match in matches]
        self.compare_rows = compare.rows(pages, answers, self.today, self.form.sector_names)
        for match, missed in zip(matches, compare.misses(pages, self.compare_rows), strict=True):
            match.missed = missed
        return matches


def finder_view(index, request):
    finding = Finding(index, request)
    base = index.get_url(request)
    suffix = f"?{finding.query}" if finding.query else ""
    context = index.get_context(request)
    context.update(
        form=finding.form,
        finding=finding,
        matches=finding.matches[:MAX_SHOWN],
        total=len(finding.matches),
        max_shown=MAX_SHOWN,
        compared=finding.compared,
        compare_rows=finding.compare_rows,
        answered=bool(finding.form.answers),
        errors=finding.errors,
        instruments=Instrument.choices,
        csv_url=f"{base}shortlist.csv{suffix}",
        ics_url=f"{base}deadlines.ics{suffix}",
        results_query=finding.query,
        today=finding.today,
    )
    response = TemplateResponse(request, index.get_template(request), context)
    if finding.bad:
        response.status_code = 400
    return response


def _refuse(finding):
    messages = list(finding.errors)
    for field, errors in finding.form.errors.items():
        messages += [f"{field}: {error}" for error in errors]
    return HttpResponse(
        "\n".join(messages) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


CSV_COLUMNS = [
    ("title", gettext_lazy("Opportunity")),
    ("funder", gettext_lazy("Funder")),
    ("programme", gettext_lazy("Programme")),
    ("instrument", gettext_lazy("Instrument")),
    ("who", gettext_lazy("Who may apply")),
    ("amount", gettext_lazy("Amount")),
    ("rate", gettext_lazy("Co-financing rate (%)")),
    ("where", gettext_lazy("Where")),
    ("deadline", gettext_lazy("Next deadline")),
    ("status", gettext_lazy("Status")),
    ("fit", gettext_lazy("Why it fits")),
    ("checks", gettext_lazy("Check before applying")),
    ("official", gettext_lazy("Official page")),
    ("url", gettext_lazy("Page on this site")),
]


def _row(match, request) -> dict:
    page = match.page
    if match.next_deadline:
        status = _("closing soon") if match.closing_soon else _("open")
    elif page.rolling:
        status = _("rolling")
    else:
        status = _("open") if match.is_open else _("closed")
    where = _("EU-wide") if page.eu_wide else ", ".join(page.country_names())
    return {
        "title": page.title,
        "funder": page.funder,
        "programme": page.programme,
        "instrument": page.get_instrument_display(),
        "who": ", ".join(page.applicant_labels()),
        "amount": amount_text(page),
        "rate": page.co_financing_rate if page.co_financing_rate is not None else "",
        "where": where,
        "deadline": match.next_deadline.isoformat() if match.next_deadline else "",
        "status": status,
        "fit": match.reason_line,
        "checks": " | ".join(str(point) for point in match.checks),
        "official": page.official_url,
        "url": request.build_absolute_uri(page.get_url(request)),
    }


def csv_view(index, request):
    finding = Finding(index, request)
    if finding.bad:
        return _refuse(finding)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"funding-shortlist-{index.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheets then read UTF-8
    writer = csv.writer(response)
    writer.writerow([csv_safe(str(label)) for _key, label in CSV_COLUMNS])
    for match in finding.matches:
        row = _row(match, request)
        writer.writerow([csv_safe(row[key]) for key, _label in CSV_COLUMNS])
    return response


def ics_view(index, request):
    finding = Finding(index, request)
    if finding.bad:
        return _refuse(finding)
    return calendar_response(
        [match.page for match in finding.matches],
        request,
        name=_("Funding deadlines: %(title)s") % {"title": index.title},
        filename=f"funding-deadlines-{index.locale.language_code}",
    )
