"""Policy papers: a citable publication with its PDF, authors and findings."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import countries_api_field
from knowledgebase import citation
from knowledgebase.blocks import PaperBodyBlock

from .base import PARTNER_SECTIONS, KnowledgePage

doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$", _("Enter a DOI such as 10.1234/abc-56 (without https://doi.org/).")
)


def validate_isbn(value: str) -> None:
    digits = value.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        valid = total % 11 == 0
    elif len(digits) == 13 and digits.isdigit():
        total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))
        valid = total % 10 == 0
    else:
        valid = False
    if not valid:
        raise ValidationError(_("Enter a valid ISBN-10 or ISBN-13."), code="invalid_isbn")


class PaperStatus(models.TextChoices):
    """Where a paper stands, like a guideline's testing status. Only a draft
    or piloted paper may open a consultation."""

    DRAFT = "draft", _("Draft")
    PILOTED = "piloted", _("Piloted")
    FINAL = "final", _("Final")


class PolicyPaperAuthor(TranslatableMixin, Orderable):
    """An author of a policy paper, in the editor's order. Translatable so that
    wagtail-localize carries authors into each translation (the name stays,
    the affiliation is translated)."""

    page = ParentalKey(
        "knowledgebase.PolicyPaperPage", on_delete=models.CASCADE, related_name="authors"
    )
    name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("affiliation")]
    api_fields = ["name", "affiliation"]
    override_translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("affiliation"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name


class PolicyPaperPage(KnowledgePage):
    abstract = RichTextField(_("abstract"), features=["bold", "italic", "link"], default="")
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    series = models.ForeignKey(
        "knowledgebase.Series",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "core.SiteDocument",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    doi = models.CharField(_("DOI"), max_length=120, blank=True, validators=[doi_validator])
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True, validators=[validate_isbn])
    countries = CountryField(_("countries"), multiple=True, blank=True)
    paper_status = models.CharField(
        _("status"),
        max_length=16,
        choices=PaperStatus.choices,
        default=PaperStatus.FINAL,
        help_text=_("A draft or piloted paper may open a consultation."),
    )
    body = StreamField(
        PaperBodyBlock(),
        verbose_name=_("key findings and recommendations"),
        blank=True,
    )

    parent_page_types = ["knowledgebase.PolicyPaperIndexPage", *PARTNER_SECTIONS]
    subpage_types: list[str] = []

    content_panels = KnowledgePage.content_panels + [
        FieldPanel("abstract"),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("publisher"),
                FieldPanel("series"),
                FieldPanel("document"),
                FieldPanel("doi"),
                FieldPanel("isbn"),
                FieldPanel("paper_status"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("body"),
        FieldPanel("countries"),
        *KnowledgePage.taxonomy_panels,
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("publisher"),
        index.RelatedFields("series", [index.SearchField("name")]),
        index.SearchField("body"),
        index.FilterField("doi"),
        index.FilterField("paper_status"),
        index.SearchField("attached_search_text"),
        index.RelatedFields(
            "authors", [index.SearchField("name"), index.SearchField("affiliation")]
        ),
        index.RelatedFields("document", [index.SearchField("title"), index.SearchField("text")]),
    ]
    api_fields = [
        *KnowledgePage.base_api_fields,
        "abstract",
        "authors",
        "publisher",
        APIField("series", serializer=CharField(source="series_name", read_only=True)),
        "document",
        "doi",
        "isbn",
        "paper_status",
        countries_api_field("countries"),
        "body",
    ]
    override_translatable_fields = KnowledgePage.base_translatable_fields + [
        TranslatableField("abstract"),
        TranslatableField("authors"),
        TranslatableField("publisher"),
        SynchronizedField("series"),
        TranslatableField("body"),
        SynchronizedField("document"),
        SynchronizedField("doi"),
        SynchronizedField("isbn"),
        SynchronizedField("paper_status"),
        SynchronizedField("countries"),
    ]

    detail_prefetch = (*KnowledgePage.detail_prefetch, "authors", "series")
    detail_select = ("series", "document")

    class Meta:
        verbose_name = _("policy paper")

    @property
    def series_name(self) -> str:
        return self.series.name if self.series_id else ""

    def author_list(self):
        return list(self.authors.all())

    def serve(self, request, *args, **kwargs):
        export = request.GET.get("format")
        if export is None:
            return super().serve(request, *args, **kwargs)
        if export not in citation.FORMATS:
            return HttpResponseBadRequest(
                _("Unknown citation format. Use ?format=bibtex or ?format=ris."),
                content_type="text/plain; charset=utf-8",
            )
        body, content_type, extension = citation.export(self, request, export)
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{self.slug}.{extension}"
        )
        return response
