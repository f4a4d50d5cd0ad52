"""Funding opportunities and the finder page that lists them.

Opportunities live under the funding index of their locale, or in a
partner's own section (national and regional schemes a partner knows).
The finder (``funding.finder``) reads every live opportunity of the
locale, wherever it sits in the tree."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import countries_api_field
from core.models import BaseIndexPage, BasePage

from .choices import Applicant, Instrument, Purpose, Stage
from .fields import ChoiceListField

# The largest amount an editor may enter: a trillion euro.
AMOUNT_MAX = 10**12
# A deadline this close is "closing soon".
CLOSING_SOON_DAYS = 21
RICH = ["bold", "italic", "link", "ul", "ol"]


class DeadlineBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    label = blocks.CharBlock(
        label=_("label"), required=False, max_length=120, help_text=_("For example: first cut-off.")
    )

    class Meta:
        icon = "date"
        label = _("Deadline")


class FundingIndexPage(RoutablePageMixin, BaseIndexPage):
    """The finder at /<lang>/funding/: one GET form, ranked results, a
    comparison, the shortlist as CSV and the deadlines as iCalendar."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["funding.FundingOpportunityPage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("funding finder")

    @path("")
    def finder(self, request):
        from funding.views import finder_view

        return finder_view(self, request)

    @path("shortlist.csv/", name="csv")
    def shortlist_csv(self, request):
        from funding.views import csv_view

        return csv_view(self, request)

    @path("deadlines.ics/", name="ics")
    def deadlines_ics(self, request):
        from funding.views import ics_view

        return ics_view(self, request)


class FundingOpportunityPage(RoutablePageMixin, BasePage):
    funder = models.CharField(_("funder"), max_length=200)
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    instrument = models.CharField(_("instrument"), max_length=16, choices=Instrument.choices)
    applicant_types = ChoiceListField(
        _("who may apply"), options=Applicant.choices, help_text=_("None ticked: anyone.")
    )
    sectors = ParentalManyToManyField(
        "core.Sector", verbose_name=_("sectors"), blank=True, help_text=_("None: every sector.")
    )
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    stages = ChoiceListField(
        _("stages"), options=Stage.choices, help_text=_("None ticked: any stage.")
    )
    purposes = ChoiceListField(_("what the money is for"), options=Purpose.choices)
    amount_min = models.PositiveBigIntegerField(
        _("smallest amount (EUR)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(AMOUNT_MAX)],
    )
    amount_max = models.PositiveBigIntegerField(
        _("largest amount (EUR)"), null=True, blank=True, validators=[MaxValueValidator(AMOUNT_MAX)]
    )
    co_financing_rate = models.PositiveSmallIntegerField(
        _("co-financing rate (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The share of the costs the funder pays; the applicant finds the rest."),
    )
    eu_wide = models.BooleanField(_("open across the EU"), default=False)
    countries = CountryField(_("countries"), multiple=True, blank=True)
    regions = models.CharField(
        _("regions"), max_length=255, blank=True, help_text=_("Regions within those countries.")
    )
    deadlines = StreamField(
        [("deadline", DeadlineBlock())], verbose_name=_("deadlines"), blank=True
    )
    rolling = models.BooleanField(
        _("rolling"), default=False, help_text=_("Applications are taken at any time.")
    )
    dates_are_examples = models.BooleanField(
        _("dates are examples"),
        default=False,
        help_text=_("Say on the page that the dates are examples, not the real call's."),
    )
    closes_on = models.DateField(_("last deadline"), null=True, blank=True, editable=False)
    description = RichTextField(_("description"), features=RICH, blank=True)
    how_to_apply = RichTextField(_("how to apply"), features=RICH, blank=True)
    checks = models.TextField(
        _("check before applying"), blank=True, help_text=_("One point a line.")
    )
    official_url = models.URLField(_("official page"), max_length=500)

    parent_page_types = [
        "funding.FundingIndexPage",
        "partners.HubPage",
        "partners.EducationPartnerPage",
    ]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("funder"), FieldPanel("programme")]),
                FieldPanel("instrument"),
            ],
            heading=_("Who funds it"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("applicant_types"),
                FieldPanel("sectors"),
                FieldPanel("themes"),
                FieldPanel("stages"),
                FieldPanel("purposes"),
            ],
            heading=_("Who and what for"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                FieldPanel("co_financing_rate"),
            ],
            heading=_("How much"),
        ),
        MultiFieldPanel(
            [FieldPanel("eu_wide"), FieldPanel("countries"), FieldPanel("regions")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("deadlines"), FieldPanel("rolling"), FieldPanel("dates_are_examples")],
            heading=_("When"),
        ),
        FieldPanel("description"),
        FieldPanel("how_to_apply"),
        FieldPanel("checks"),
        FieldPanel("official_url"),
        InlinePanel("related_links", label=_("Related guidelines, stories and modules")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("funder"),
        index.SearchField("programme"),
        index.SearchField("description"),
        index.SearchField("how_to_apply"),
        index.SearchField("regions"),
        index.AutocompleteField("funder"),
        index.FilterField("instrument"),
        index.FilterField("closes_on"),
        index.FilterField("rolling"),
        index.FilterField("locale"),
        index.RelatedFields("sectors", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        "summary",
        "funder",
        "programme",
        "instrument",
        "applicant_types",
        "sectors",
        "themes",
        "stages",
        "purposes",
        "amount_min",
        "amount_max",
        "co_financing_rate",
        "eu_wide",
        countries_api_field("countries"),
        "regions",
        "deadlines",
        "rolling",
        "dates_are_examples",
        "description",
        "how_to_apply",
        "checks",
        "official_url",
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("funder"),
        TranslatableField("programme"),
        TranslatableField("regions"),
        TranslatableField("deadlines"),
        TranslatableField("description"),
        TranslatableField("how_to_apply"),
        TranslatableField("checks"),
        SynchronizedField("slug"),
        SynchronizedField("instrument"),
        SynchronizedField("applicant_types"),
        SynchronizedField("sectors"),
        SynchronizedField("themes"),
        SynchronizedField("stages"),
        SynchronizedField("purposes"),
        SynchronizedField("amount_min"),
        SynchronizedField("amount_max"),
        SynchronizedField("co_financing_rate"),
        SynchronizedField("eu_wide"),
        SynchronizedField("countries"),
        SynchronizedField("rolling"),
        SynchronizedField("dates_are_examples"),
        SynchronizedField("official_url"),
        SynchronizedField("related_links"),
    ]

    class Meta:
        verbose_name = _("funding opportunity")
        verbose_name_plural = _("funding opportunities")

    def clean(self):
        super().clean()
        if (
            self.amount_min is not None
            and self.amount_max is not None
            and self.amount_min > self.amount_max
        ):
            raise ValidationError({"amount_max": _("The largest amount is below the smallest.")})

    def save(self, *args, **kwargs):
        dates = self.deadline_dates()
        self.closes_on = dates[-1] if dates else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "deadlines" in update_fields:
            kwargs["update_fields"] = {*update_fields, "closes_on"}
        return super().save(*args, **kwargs)

    @path("deadlines.ics/", name="ics")
    def ics(self, request):
        from funding.calendar import calendar_response

        return calendar_response([self], request, name=self.title, filename=self.slug)

    def get_context(self, request, *args, **kwargs):
        from funding.finder import amount_text, checks_for

        context = super().get_context(request, *args, **kwargs)
        context["today"] = timezone.localdate()
        context["amount"] = amount_text(self)
        context["checks"] = checks_for(self, {})
        context["related"] = [
            link.page for link in self.related_links.select_related("page") if link.page.live
        ]
        context["finder"] = FundingIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        return context

    def deadline_dates(self) -> list[datetime.date]:
        """The deadline dates, sorted; read once per StreamField value."""
        cached = self.__dict__.get("_deadline_dates")
        if cached is not None and cached[0] is self.deadlines:
            return cached[1]
        dates = []
        for block in self.deadlines or []:
            value = block.value.get("date") if block.block_type == "deadline" else None
            if isinstance(value, datetime.date):
                dates.append(value)
        dates = sorted(set(dates))
        self.__dict__["_deadline_dates"] = (self.deadlines, dates)
        return dates

    def deadline_rows(self) -> list[tuple[datetime.date, str]]:
        rows = [
            (block.value["date"], block.value.get("label") or "")
            for block in self.deadlines or []
            if block.block_type == "deadline" and block.value.get("date")
        ]
        return sorted(rows, key=lambda row: row[0])

    def next_deadline(self, today=None) -> datetime.date | None:
        today = today or timezone.localdate()
        return next((day for day in self.deadline_dates() if day >= today), None)

    def is_open(self, today=None) -> bool:
        """Open: rolling, a deadline still ahead, or no dates given."""
        today = today or timezone.localdate()
        if self.rolling or not self.deadline_dates():
            return True
        return self.next_deadline(today) is not None

    def closing_soon(self, today=None) -> bool:
        today = today or timezone.localdate()
        upcoming = self.next_deadline(today)
        return upcoming is not None and (upcoming - today).days <= CLOSING_SOON_DAYS

    def check_list(self) -> list[str]:
        return [line.strip() for line in self.checks.splitlines() if line.strip()]

    def applicant_labels(self):
        return self._meta.get_field("applicant_types").labels(self.applicant_types)

    def stage_labels(self):
        return self._meta.get_field("stages").labels(self.stages)

    def purpose_labels(self):
        return self._meta.get_field("purposes").labels(self.purposes)

    def country_names(self) -> list[str]:
        return [country.name for country in self.countries]


class FundingRelatedPage(Orderable):
    """A guideline, case story or module that helps with the application."""

    opportunity = ParentalKey(
        FundingOpportunityPage, on_delete=models.CASCADE, related_name="related_links"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
