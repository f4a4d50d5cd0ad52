"""Consultations on draft guidelines and policy papers, and their responses.

A ``Consultation`` is a translatable snippet: one row per language, linked by
its ``translation_key``; the dates and the document are synchronised, the
questions and texts are translated. A response belongs to the language
version the reader answered; counts and exports go over every version
(``same_consultation``).
"""

import datetime

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

DOCUMENT_TYPES = ("knowledgebase.GuidelinePage", "knowledgebase.PolicyPaperPage")
# A guideline or a paper may open a consultation while it is drafted or
# piloted (GuidelinePage.testing_status, PolicyPaperPage.paper_status).
CONSULTABLE_STATUSES = ("draft", "piloted")


def document_status(page) -> str | None:
    """The draft / piloted / validated or final status of a document."""
    for name in ("testing_status", "paper_status"):
        if hasattr(page, name):
            return getattr(page, name)
    return None


class Consultation(TranslatableMixin, models.Model):
    # Which pages have a consultation is kept apart from the page chrome
    # (consultation_tags.consulted_keys): a change renews it, a publish
    # elsewhere does not.
    chrome_part = "consultations"

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The guideline or policy paper under consultation."),
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What you would like to hear about.")
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("The last day to respond."))
    questions = StreamField(
        [("question", blocks.CharBlock(label=_("Question"), max_length=300))],
        verbose_name=_("questions"),
        blank=True,
    )
    summary = RichTextField(
        _("summary of the consultation"),
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text=_("Shown under the document once the consultation has closed."),
    )
    what_changed = RichTextField(
        _("what changed after consultation and piloting"),
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
    )

    panels = [
        PageChooserPanel("page", list(DOCUMENT_TYPES)),
        FieldPanel("title"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Dates")),
        FieldPanel("questions"),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("what_changed")], heading=_("After closing")
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("page"),
        TranslatableField("title"),
        TranslatableField("introduction"),
        SynchronizedField("opens_on"),
        SynchronizedField("closes_on"),
        TranslatableField("questions"),
        TranslatableField("summary"),
        TranslatableField("what_changed"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-closes_on", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date comes after the opening.")})
        if not self.page_id:
            return
        page = self.page.specific
        label = f"{page._meta.app_label}.{page.__class__.__name__}"
        if label not in DOCUMENT_TYPES:
            raise ValidationError({"page": _("Choose a guideline or a policy paper.")})
        status = document_status(page)
        if self._state.adding and status is not None and status not in CONSULTABLE_STATUSES:
            raise ValidationError(
                {"page": _("Only a draft or piloted document can open a consultation.")}
            )

    def state(self, today=None) -> str:
        today = today or timezone.localdate()
        if today < self.opens_on:
            return "upcoming"
        if today > self.closes_on:
            return "closed"
        return "open"

    def is_open(self, today=None) -> bool:
        return self.state(today) == "open"

    def same_consultation(self):
        """Every language version of this consultation."""
        return Consultation.objects.filter(translation_key=self.translation_key)

    def question_list(self):
        """(block id, text) of each question."""
        return [(block.id, block.value) for block in self.questions]

    def purge_date(self) -> datetime.date:
        return add_months(self.closes_on, settings.CONSULTATION_RETENTION_MONTHS)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class OrganisationType(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual or freelancer")
    SMALL_BUSINESS = "small-business", _("Micro or small business")
    LARGER_BUSINESS = "larger-business", _("Medium or large business")
    NON_PROFIT = "non-profit", _("Non-profit organisation")
    HUB = "hub", _("Creative hub or network")
    EDUCATION = "education", _("Education or research")
    PUBLIC = "public", _("Public authority")
    FINANCE = "finance", _("Bank, investor or funder")
    OTHER = "other", _("Other")


class Consent(models.TextChoices):
    NAMED = "named", _("Publish my response with my name")
    ANONYMOUS = "anonymous", _("Publish my response without my name")
    PRIVATE = "private", _("Do not publish my response")


class ResponseStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


MODERATION_STATUSES = [
    (ResponseStatus.PENDING, ResponseStatus.PENDING.label),
    (ResponseStatus.APPROVED, ResponseStatus.APPROVED.label),
    (ResponseStatus.REJECTED, ResponseStatus.REJECTED.label),
    (ResponseStatus.SPAM, ResponseStatus.SPAM.label),
]


class ConsultationResponse(models.Model):
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    language = models.CharField(_("language"), max_length=8)
    section = models.CharField(_("section"), max_length=64, blank=True)
    section_title = models.CharField(_("section title"), max_length=255, blank=True)
    comment = models.TextField(_("comment"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    country = CountryField(_("country"), blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    consent = models.CharField(
        _("publication"), max_length=10, choices=Consent.choices, default=Consent.ANONYMOUS
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ResponseStatus.choices,
        default=ResponseStatus.UNCONFIRMED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply = models.TextField(
        _("public reply"), blank=True, help_text=_("Shown under the response when it is published.")
    )
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")

    def __str__(self):
        return f"#{self.pk} · {self.consultation}"

    @admin.display(description=_("comment"))
    def excerpt(self) -> str:
        return Truncator(self.comment).chars(80)

    @property
    def is_public(self) -> bool:
        return self.status == ResponseStatus.APPROVED and self.consent != Consent.PRIVATE

    def public_name(self) -> str:
        return self.name if self.consent == Consent.NAMED and self.name else ""
