"""The finder: a few questions as one GET form, and the opportunities of
the locale ranked by how well they fit the answers.

Hard conditions leave an opportunity out: the instrument filter, who may
apply, where, and (unless asked) a deadline that has passed. The rest
ranks: sector, purpose, stage and amount each add to the score and to the
reason shown with the result. Everything is read in a fixed number of
queries (the opportunities, their sectors, the locale's sectors), whatever
the number of opportunities; ranking is done in Python over that list.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from core.models import Sector
from core.numbers import user_int
from core.visibility import public

from .choices import Applicant, Instrument, Purpose, Stage
from .models import AMOUNT_MAX, FundingOpportunityPage

MAX_COMPARE = 3
MAX_PICKS = 50
# What each kind of fit adds to the score.
WEIGHTS = {"who": 3, "sector": 2, "purpose": 2, "amount": 2, "stage": 1, "where": 1}


class AmountField(forms.Field):
    """A whole number of euro in ASCII digits (spaces, dots and commas as
    thousands separators are allowed), at most ``AMOUNT_MAX``."""

    widget = forms.TextInput

    def to_python(self, value):
        value = str(value or "").strip()
        if not value:
            return None
        text = value.replace(" ", "").replace(",", "").replace(".", "").replace("\u202f", "")
        text = text.removeprefix("€").removesuffix("€")
        if text.startswith("-"):
            raise forms.ValidationError(_("The amount cannot be negative."), code="negative")
        number = user_int(text, AMOUNT_MAX) if len(text) <= 20 else None
        if number is None:
            raise forms.ValidationError(
                _("Enter a whole number of euro, up to %(max)s.")
                % {"max": number_format(AMOUNT_MAX, force_grouping=True)},
                code="invalid",
            )
        return number


class FinderForm(forms.Form):
    who = forms.ChoiceField(label=_("Who are you?"), required=False)
    sector = forms.ChoiceField(label=_("Your sector"), required=False)
    purpose = forms.ChoiceField(label=_("What is the money for?"), required=False)
    amount = AmountField(
        label=_("How much do you need (EUR)?"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    country = forms.ChoiceField(label=_("Where are you based?"), required=False)
    stage = forms.ChoiceField(label=_("Your stage"), required=False)
    instrument = forms.MultipleChoiceField(
        label=_("Kind of funding"),
        required=False,
        choices=Instrument.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    past = forms.BooleanField(label=_("Also show closed calls"), required=False)

    def __init__(self, data, *, locale):
        super().__init__(data)
        anything = [("", _("Any"))]
        self.fields["who"].choices = anything + list(Applicant.choices)
        self.fields["purpose"].choices = anything + list(Purpose.choices)
        self.fields["stage"].choices = anything + list(Stage.choices)
        self.fields["country"].choices = anything + list(countries)
        self.sector_names = dict(
            Sector.objects.filter(locale=locale).order_by("name").values_list("slug", "name")
        )
        self.fields["sector"].choices = anything + list(self.sector_names.items())

    def full_clean(self):
        # Accept lower-case country codes in shared links.
        if self.data is not None and hasattr(self.data, "getlist") and self.data.get("country"):
            data = self.data.copy()
            data["country"] = data["country"].strip().upper()
            self.data = data
        super().full_clean()

    @property
    def answers(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


@dataclass
class Match:
    page: FundingOpportunityPage
    score: int
    reasons: list[str] = field(default_factory=list)
    amount_note: str = ""
    deadline_note: str = ""
    checks: list[str] = field(default_factory=list)
    is_open: bool = True
    closing_soon: bool = False
    next_deadline: object = None
    missed: int = 0  # points that do not fit the answers (comparison only)

    @property
    def reason_line(self) -> str:
        parts = []
        if self.reasons:
            parts.append(_("matches: %(list)s") % {"list": ", ".join(self.reasons)})
        parts += [note for note in (self.amount_note, self.deadline_note) if note]
        return "; ".join(str(part) for part in parts)


def euro(amount: int) -> str:
    return "€" + number_format(amount, force_grouping=True)


def live_opportunities(locale):
    """Every live, public opportunity of ``locale`` with what the finder
    shows: two queries."""
    return list(
        public(FundingOpportunityPage.objects.live())
        .filter(locale=locale)
        .select_related("locale")
        .prefetch_related("sectors")
        .order_by("title", "pk")
    )


def amount_text(page) -> str:
    low, high = page.amount_min, page.amount_max
    if low is not None and high is not None:
        return _("%(low)s to %(high)s") % {"low": euro(low), "high": euro(high)}
    if high is not None:
        return _("up to %(amount)s") % {"amount": euro(high)}
    if low is not None:
        return _("from %(amount)s") % {"amount": euro(low)}
    return ""


def deadline_text(page, today) -> str:
    upcoming = page.next_deadline(today)
    if upcoming is not None:
        days = (upcoming - today).days
        if days == 0:
            return str(_("closes today"))
        return ngettext("closes in %(days)d day", "closes in %(days)d days", days) % {"days": days}
    if page.rolling:
        return str(_("rolling: apply at any time"))
    if page.deadline_dates():
        return str(_("closed"))
    return ""


def checks_for(page, answers) -> list[str]:
    """What to check before applying: the editor's points, then what the
    data says (co-financing, partners needed, the minimum, regions)."""
    points = page.check_list()
    if page.co_financing_rate is not None and page.co_financing_rate < 100:
        points.append(
            _("The funder pays up to %(rate)d%% of the costs: find the other %(rest)d%%.")
            % {"rate": page.co_financing_rate, "rest": 100 - page.co_financing_rate}
        )
    if page.applicant_types == [Applicant.CONSORTIUM]:
        points.append(str(_("You apply with partners, as a consortium.")))
    amount = answers.get("amount")
    if amount is not None and page.amount_min is not None and amount < page.amount_min:
        points.append(_("The smallest amount is %(amount)s.") % {"amount": euro(page.amount_min)})
    if amount is not None and page.amount_max is not None and amount > page.amount_max:
        points.append(_("The largest amount is %(amount)s.") % {"amount": euro(page.amount_max)})
    if page.regions:
        points.append(_("Only in: %(regions)s.") % {"regions": page.regions})
    if page.dates_are_examples:
        points.append(str(_("The dates shown are examples: confirm them on the official page.")))
    return points


def left_out(page, answers: dict, is_open: bool) -> bool:
    """Whether an answer rules ``page`` out: another instrument, closed (unless
    past calls are asked for), another applicant type, another country."""
    instruments = answers.get("instrument")
    if instruments and page.instrument not in instruments:
        return True
    if not is_open and not answers.get("past"):
        return True
    who = answers.get("who")
    if who and page.applicant_types and who not in page.applicant_types:
        return True
    country = answers.get("country")
    if country and not page.eu_wide:
        codes = {c.code for c in page.countries}
        return bool(codes) and country not in codes
    return False


def fit(page, answers: dict, sector_names: dict) -> tuple[int, list[str]]:
    """The score of ``page`` against the answers, and the reasons shown."""
    score = 0
    reasons: list[str] = []
    who = answers.get("who")
    if who and who in page.applicant_types:
        score += WEIGHTS["who"]
        reasons.append(str(Applicant(who).label))
    country = answers.get("country")
    if country and country in {c.code for c in page.countries}:
        score += WEIGHTS["where"]
        reasons.append(str(countries.name(country)))
    sector = answers.get("sector")
    if sector:
        slugs = {s.slug for s in page.sectors.all()}
        if sector in slugs:
            score += WEIGHTS["sector"]
            reasons.append(sector_names.get(sector, sector))
        elif not slugs:
            score += 1  # open to every sector
    for answer, labels in (("purpose", Purpose), ("stage", Stage)):
        value = answers.get(answer)
        if value and value in getattr(page, f"{answer}s"):
            score += WEIGHTS[answer]
            reasons.append(str(labels(value).label))
    amount = answers.get("amount")
    if amount is not None:
        low = page.amount_min if page.amount_min is not None else 0
        high = page.amount_max
        if low <= amount and (high is None or amount <= high):
            score += WEIGHTS["amount"]
        else:
            score -= 1  # still shown: the checks say what is off
    return score, reasons


def amount_note(page) -> str:
    """The short amount shown beside a match."""
    if page.amount_max is not None:
        return str(_("up to %(amount)s") % {"amount": euro(page.amount_max)})
    if page.amount_min is not None:
        return str(_("from %(amount)s") % {"amount": euro(page.amount_min)})
    return ""


def assess(page, answers: dict, today, sector_names: dict) -> Match | None:
    """The fit of ``page`` to ``answers``, or None when it is left out."""
    is_open = page.is_open(today)
    if left_out(page, answers, is_open):
        return None
    score, reasons = fit(page, answers, sector_names)
    return Match(
        page=page,
        score=score,
        reasons=reasons,
        amount_note=amount_note(page),
        deadline_note=deadline_text(page, today),
        checks=checks_for(page, answers),
        is_open=is_open,
        closing_soon=page.closing_soon(today),
        next_deadline=page.next_deadline(today),
    )


def rank(pages, answers: dict, sector_names: dict, today=None) -> list[Match]:
    """Best fit first; then open before closed, the soonest deadline first
    (rolling calls after dated ones), then title."""
    today = today or timezone.localdate()
    matches = [m for m in (assess(p, answers, today, sector_names) for p in pages) if m]

    def key(match):
        upcoming = match.next_deadline
        return (
            -match.score,
            not match.is_open,
            upcoming is None,
            upcoming or today,
            match.page.title.lower(),
        )

    return sorted(matches, key=key)


def chosen_ids(values, limit: int) -> list[int] | None:
    """Page ids from repeated GET values (``compare``, ``pick``), in order
    and without repeats; None when one is not an id or there are too many."""
    ids: list[int] = []
    for value in values:
        number = user_int(value.strip(), 2**31 - 1)
        if number is None:
            return None
        if number not in ids:
            ids.append(number)
    if len(ids) > limit:
        return None
    return ids
