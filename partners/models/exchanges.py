"""Twin-hub and peer exchanges between two partners, and their index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BaseIndexPage, BasePage


class ActivityBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Activity"), max_length=160)
    notes = blocks.TextBlock(label=_("Notes"), required=False)

    class Meta:
        icon = "date"
        label = _("Activity")


class ExchangePage(BasePage):
    """A twin-hub or peer exchange between two partners."""

    cached_as_detail = True  # the page cache purges it only for what it shows (core/pagecache)

    FORMATS = [("onsite", _("On-site")), ("online", _("Online")), ("blended", _("Blended"))]

    partners = ParentalManyToManyField(
        "partners.PartnerPage",
        verbose_name=_("partners"),
        related_name="exchanges",
        help_text=_("Exactly two: two hubs, or a hub and an education partner."),
    )
    programme_round = models.CharField(
        _("programme round"), max_length=80, help_text=_('For example "TWIN Hubs 2022/23".')
    )
    date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=FORMATS, default="onsite")
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    goals = RichTextField(_("goals"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    activity_log = StreamField(
        [("activity", ActivityBlock())], verbose_name=_("activity log"), blank=True
    )
    outcomes = RichTextField(
        _("outcomes"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    document = models.ForeignKey(
        "core.SiteDocument",
        verbose_name=_("joint report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["partners.ExchangeIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        FieldPanel("partners"),
        MultiFieldPanel(
            [
                FieldPanel("programme_round"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]),
                FieldPanel("format"),
            ],
            heading=_("Programme"),
        ),
        FieldPanel("themes"),
        FieldPanel("goals"),
        FieldPanel("activity_log"),
        FieldPanel("outcomes"),
        FieldPanel("document"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("programme_round"),
        index.SearchField("goals"),
        index.SearchField("outcomes"),
        index.RelatedFields("document", [index.SearchField("title"), index.SearchField("text")]),
        index.FilterField("programme_round"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        "summary",
        "programme_round",
        "date",
        "end_date",
        "format",
        "goals",
        "outcomes",
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("goals"),
        TranslatableField("activity_log"),
        TranslatableField("outcomes"),
        SynchronizedField("slug"),
        SynchronizedField("partners"),
        SynchronizedField("programme_round"),
        SynchronizedField("date"),
        SynchronizedField("end_date"),
        SynchronizedField("format"),
        SynchronizedField("themes"),
        SynchronizedField("document"),
    ]

    class Meta:
        verbose_name = _("exchange")

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.date and self.end_date < self.date:
            errors["end_date"] = _("The end date is before the start date.")
        chosen = list(self.partners.all())
        if len(chosen) != 2:
            errors["partners"] = _("Choose exactly two partners.")
        elif not any(p.specific_class.__name__ == "HubPage" for p in chosen):
            errors["partners"] = _("At least one of the two partners must be a creative hub.")
        if errors:
            raise ValidationError(errors)


class ExchangeIndexPage(RoutablePageMixin, BaseIndexPage):
    """The twin-hub exchanges at /exchanges/, by round and country."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.ExchangePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("exchange index")

    @path("")
    def listing(self, request):
        from partners.exchange_listing import exchange_index_view

        return exchange_index_view(self, request)
