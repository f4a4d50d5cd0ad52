"""The comparison table: opportunities side by side, one row per point of
eligibility, each cell marked against the visitor's answers (the same GET
parameters as the finder).

A cell says in words whether it fits: "Fits your answer", or "Does not fit
your answer: …" with the reason, or nothing when the visitor did not answer
that question or the opportunity sets no condition. Colour only repeats
what the words say."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from .choices import Applicant, Instrument, Purpose, Stage
from .finder import amount_text, deadline_text, euro

FITS, MISSES, UNSURE = "fits", "misses", "unsure"


@dataclass
class Cell:
    text: str
    verdict: str = ""  # FITS, MISSES, UNSURE or "" (not asked / no condition)
    note: str = ""


def _labels(choices, codes) -> str:
    names = dict(choices)
    return ", ".join(str(names.get(code, code)) for code in codes)


def _by_codes(codes, answer, choices, anyone: str, answer_label: str) -> Cell:
    text = _labels(choices, codes) or anyone
    if not answer or not codes:
        return Cell(text)
    if answer in codes:
        return Cell(text, FITS)
    name = dict(choices).get(answer, answer)
    return Cell(text, MISSES, answer_label % {"answer": name})


def who_cell(page, answers) -> Cell:
    return _by_codes(
        page.applicant_types,
        answers.get("who"),
        Applicant.choices,
        _("Anyone"),
        _("not open to: %(answer)s"),
    )


def stage_cell(page, answers) -> Cell:
    return _by_codes(
        page.stages, answers.get("stage"), Stage.choices, _("Any stage"), _("not for: %(answer)s")
    )


def purpose_cell(page, answers) -> Cell:
    return _by_codes(
        page.purposes,
        answers.get("purpose"),
        Purpose.choices,
        _("Any purpose"),
        _("not for: %(answer)s"),
    )


def sector_cell(page, answers, sector_names) -> Cell:
    sectors = list(page.sectors.all())
    text = ", ".join(s.name for s in sectors) or _("Every sector")
    chosen = answers.get("sector")
    if not chosen or not sectors:
        return Cell(text)
    if chosen in {s.slug for s in sectors}:
        return Cell(text, FITS)
    name = sector_names.get(chosen, chosen)
    return Cell(text, MISSES, _("not for: %(answer)s") % {"answer": name})


def instrument_cell(page, answers) -> Cell:
    text = str(Instrument(page.instrument).label) if page.instrument else "–"
    chosen = answers.get("instrument")
    if not chosen:
        return Cell(text)
    if page.instrument in chosen:
        return Cell(text, FITS)
    return Cell(text, MISSES, _("not a kind of funding you chose"))


def where_cell(page, answers) -> Cell:
    names = page.country_names()
    text = _("EU-wide") if page.eu_wide else ", ".join(names) or _("Not limited")
    if page.regions:
        text = f"{text} ({page.regions})"
    country = answers.get("country")
    if not country:
        return Cell(text)
    codes = {c.code for c in page.countries}
    if country in codes or page.eu_wide or not codes:
        if page.regions:
            return Cell(text, UNSURE, _("only in some regions: check yours"))
        return Cell(text, FITS)
    return Cell(text, MISSES, _("not open in %(answer)s") % {"answer": countries.name(country)})


def amount_cell(page, answers) -> Cell:
    text = amount_text(page) or "–"
    amount = answers.get("amount")
    if amount is None or (page.amount_min is None and page.amount_max is None):
        return Cell(text)
    if page.amount_min is not None and amount < page.amount_min:
        return Cell(
            text, MISSES, _("the smallest amount is %(amount)s") % {"amount": euro(page.amount_min)}
        )
    if page.amount_max is not None and amount > page.amount_max:
        return Cell(
            text, MISSES, _("the largest amount is %(amount)s") % {"amount": euro(page.amount_max)}
        )
    return Cell(text, FITS)


def co_financing_cell(page, answers) -> Cell:
    rate = page.co_financing_rate
    if rate is None:
        return Cell("–")
    if rate >= 100:
        return Cell(_("%(rate)d%% of the costs") % {"rate": rate})
    return Cell(
        _("%(rate)d%% of the costs; you find the other %(rest)d%%")
        % {"rate": rate, "rest": 100 - rate}
    )


def deadline_cell(page, today) -> Cell:
    upcoming = [day for day in page.deadline_dates() if day >= today]
    parts = [date_format(day, "DATE_FORMAT") for day in upcoming[:3]]
    if page.rolling:
        parts.append(_("rolling"))
    note = deadline_text(page, today)
    text = "; ".join(parts) or note or "–"
    if not page.is_open(today):
        return Cell(text or _("closed"), MISSES, _("this call has closed"))
    if page.closing_soon(today):
        return Cell(text, UNSURE, note)
    return Cell(text, "", note if parts else "")


def rows(pages, answers: dict, today, sector_names: dict) -> list[tuple[str, list[Cell]]]:
    """(row label, one cell per page), in the order of the table."""
    return [
        (_("Kind of funding"), [instrument_cell(p, answers) for p in pages]),
        (_("Who may apply"), [who_cell(p, answers) for p in pages]),
        (_("Stage"), [stage_cell(p, answers) for p in pages]),
        (_("Sectors"), [sector_cell(p, answers, sector_names) for p in pages]),
        (_("What the money is for"), [purpose_cell(p, answers) for p in pages]),
        (_("Where"), [where_cell(p, answers) for p in pages]),
        (_("Amount"), [amount_cell(p, answers) for p in pages]),
        (_("Co-financing"), [co_financing_cell(p, answers) for p in pages]),
        (_("Deadlines"), [deadline_cell(p, today) for p in pages]),
    ]


def misses(pages, table) -> list[int]:
    """How many points of each page do not fit the answers."""
    counts = [0] * len(pages)
    for _label, cells in table:
        for i, cell in enumerate(cells):
            counts[i] += cell.verdict == MISSES
    return counts
