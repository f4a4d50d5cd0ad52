"""Partner pages: creative hubs and education partners, and the directory."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.api import country_api_field
from core.models import BaseIndexPage, BasePage


class PartnerPage(BasePage):
    """What hubs and education partners have in common. Content in a partner's
    section of the tree is that partner's; other apps refer to partners
    through this model ("partners.PartnerPage")."""

    load_own_picture = False  # the logo comes with the publications' pictures

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    sectors = ParentalManyToManyField("core.Sector", verbose_name=_("sectors"), blank=True)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    services = ParentalManyToManyField(
        "partners.Service", verbose_name=_("services and facilities"), blank=True
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Messages from the contact form go here. Never shown on the site."),
    )

    is_creatable = False
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        FieldPanel("sectors"),
        FieldPanel("themes"),
        FieldPanel("services"),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("contact_email")], heading=_("Contact")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("country"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        "summary",
        "description",
        country_api_field("country"),
        "city",
        "latitude",
        "longitude",
        "website",
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("city"),
        SynchronizedField("slug"),
        SynchronizedField("logo"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("sectors"),
        SynchronizedField("themes"),
        SynchronizedField("services"),
        SynchronizedField("website"),
        SynchronizedField("contact_email"),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    @cached_property
    def terms(self) -> dict[str, dict[str, str]]:
        """Sectors, themes and services as ``{kind: {slug: name}}``, in one
        query (the hub page's twin suggestions fill it without one)."""
        from partners.twins import in_memory_terms, partner_terms

        return in_memory_terms(self) or partner_terms([self.pk])[self.pk]

    @property
    def partner_type(self) -> str:
        """'hub', or the institution type of an education partner."""
        if isinstance(self, HubPage):
            return "hub"
        education = getattr(self, "educationpartnerpage", None)
        if isinstance(self, EducationPartnerPage):
            education = self
        return education.institution_type if education is not None else "hub"

    def get_partner_type_display(self) -> str:
        return str(dict(PARTNER_TYPES).get(self.partner_type, self.partner_type))

    def serve(self, request, *args, **kwargs):
        from partners.contact import handle_contact

        response = handle_contact(self, request)
        if response is not None:
            return response
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from partners.contact import ContactForm
        from partners.publications import exchanges_of, publications_of

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("contact_form", ContactForm())
        context["exchanges"] = exchanges_of(self)
        context["publications"] = publications_of(self)
        return context


class HubPage(PartnerPage):
    """A creative hub. Its subtree is its own section of the site."""

    # What a hub may hold is said by the content types' parent_page_types
    # (partners does not name the apps that depend on it): None undoes the
    # base class's empty list.
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = None
    is_creatable = True
    demo_logo = True  # the demo draws each hub a logo (core/demo_pictures.py)

    content_panels = PartnerPage.content_panels
    search_fields = PartnerPage.search_fields
    api_fields = PartnerPage.api_fields
    override_translatable_fields = PartnerPage.override_translatable_fields

    class Meta:
        verbose_name = _("creative hub")

    def get_context(self, request, *args, **kwargs):
        from partners.twins import suggest_twins

        context = super().get_context(request, *args, **kwargs)
        context["twins"] = suggest_twins(self)
        return context


class EducationPartnerPage(PartnerPage):
    """A school, VET provider, university or informal learning provider."""

    INSTITUTION_TYPES = [
        ("school", _("School")),
        ("vet", _("VET provider")),
        ("university", _("University")),
        ("informal", _("Informal or non-formal learning")),
    ]
    institution_type = models.CharField(
        _("type of institution"), max_length=20, choices=INSTITUTION_TYPES, default="school"
    )
    levels_served = models.CharField(
        _("age groups or levels served"),
        max_length=255,
        blank=True,
        help_text=_("For example: 14 to 19 years; EQF levels 4 to 6; adult learners."),
    )

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = None  # as for hubs
    is_creatable = True

    content_panels = PartnerPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("institution_type"), FieldPanel("levels_served")],
            heading=_("Education"),
        )
    ]
    search_fields = PartnerPage.search_fields + [
        index.SearchField("levels_served"),
        index.FilterField("institution_type"),
    ]
    api_fields = PartnerPage.api_fields + ["institution_type", "levels_served"]
    override_translatable_fields = PartnerPage.override_translatable_fields + [
        SynchronizedField("institution_type"),
        TranslatableField("levels_served"),
    ]

    class Meta:
        verbose_name = _("education partner")


PARTNER_TYPES = [("hub", _("Creative hub")), *EducationPartnerPage.INSTITUTION_TYPES]


class PartnerIndexPage(RoutablePageMixin, BaseIndexPage):
    """The partner directory at /partners/: filters, a map, a list and a CSV
    export at /partners/export.csv."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.HubPage", "partners.EducationPartnerPage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("partner directory")

    @path("")
    def directory(self, request):
        from partners.directory import directory_view

        return directory_view(self, request)

    @path("export.csv/")
    def export_csv(self, request):
        from partners.directory import export_view

        return export_view(self, request)
