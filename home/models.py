from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage


class HomePage(BasePage):
    """The front page of one language: a hero, an introduction, items picked
    by editors, and the latest news."""

    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=500)
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_text = models.CharField(_("hero link text"), max_length=80, blank=True)
    intro = RichTextField(_("introduction"), blank=True)
    featured = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        verbose_name=_("featured items"),
        blank=True,
        max_num=6,
    )

    # The sections under a home page are the page types whose
    # parent_page_types name it: home does not list the apps.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("featured"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]
    api_fields = ["summary", "hero_title", "hero_text", "intro"]
    # Links to pages are translatable: wagtail-localize points them at the
    # page's translation in the target locale.
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("hero_link"),
        TranslatableField("hero_link_text"),
        TranslatableField("intro"),
        TranslatableField("featured"),
    ]

    class Meta:
        verbose_name = _("home page")

    # core.site_roots routes below it with its row in the chain's query.
    routes_by_url_path = True

    def route(self, request, path_components):
        """Every page of this language is routed from here: in two queries
        rather than two per level (core/routing.py)."""
        if not path_components:
            return super().route(request, path_components)
        from core.routing import route_from

        return route_from(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        """The featured cards and the latest news, their pictures read in
        one query for both."""
        context = super().get_context(request, *args, **kwargs)
        context["news"] = news = self.latest_news(pictures=False)
        context["featured"] = self.featured_pages(also=news)
        return context

    def featured_pages(self, also=()):
        """The featured pages, each in this home page's language where a live
        translation exists, else in the default language, in the editor's
        order; with their summaries, for cards (three queries in all). The
        pictures of ``also`` (cards shown beside them) come in the same
        query as theirs."""
        from django.conf import settings
        from django.db.models import OuterRef, Q, Subquery
        from wagtail.coreutils import get_supported_content_language_variant
        from wagtail.models import Page

        from core.cards import card_pages, with_pictures
        from core.visibility import public

        # The chosen pages' ids, without loading them: their translations
        # are found by a subquery on their translation keys.
        ids = [child["value"] for child in self.featured.raw_data if child.get("value")]
        if not ids:
            with_pictures(also)
            return []
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        chosen = Page.objects.filter(pk__in=ids)
        live = public(Page.objects.live()).filter(
            Q(locale_id=self.locale_id) | Q(locale__language_code=default),
            translation_key__in=chosen.values("translation_key"),
        )
        same_key = chosen.filter(translation_key=OuterRef("translation_key"))
        live = live.annotate(chosen_as=Subquery(same_key.values("pk")[:1]))
        by_choice = {}
        for page in live:
            held = by_choice.get(page.chosen_as)
            if held is None or page.locale_id == self.locale_id:
                by_choice[page.chosen_as] = page
        return card_pages((by_choice[pk] for pk in ids if pk in by_choice), also=also)

    def latest_news(self, limit: int = 3, pictures: bool = True):
        """The newest news items of this page's language (with their cards'
        pictures, unless the caller reads those with others)."""
        from core.cards import with_pictures
        from core.visibility import public
        from knowledgebase.models import NewsPage

        news = list(
            public(NewsPage.objects.live())
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-pk")[:limit]
        )
        if pictures:
            with_pictures(news)  # the cards' pictures and renditions: one query
        return news


# Headings, lists, links, quotes, images and embeds: what a general page
# needs (and what pages imported from WordPress carry).
CONTENT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "blockquote",
    "hr",
    "image",
    "embed",
]


class ContentPage(BasePage):
    """A plain page ("About us", "Contact"...): an introduction and a body."""

    cached_as_detail = True  # the page cache purges it only for what it shows (core/pagecache)

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = RichTextField(_("body"), blank=True, features=CONTENT_FEATURES)

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]
    api_fields = ["summary", "intro", "body"]
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("content page")


class FooterLink(TranslatableMixin, models.Model):
    """A link in the site footer (contact, imprint, privacy, accessibility
    statement...), per language: Admin → Snippets → Footer links."""

    # Kept with the page chrome (core/chrome.py): a change renews it.
    in_page_chrome = True

    label = models.CharField(
        _("label"), max_length=80, blank=True, help_text=_("Leave empty to use the page's title.")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.URLField(_("or an address"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url"), FieldPanel("sort_order")]
    override_translatable_fields = [
        TranslatableField("label"),
        TranslatableField("page"),
        SynchronizedField("url"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if not self.page_id and not self.url:
            raise ValidationError(_("Choose a page or enter an address."))

    @property
    def text(self) -> str:
        if self.label:
            return self.label
        return self.page.title if self.page_id else self.url

    @property
    def href(self) -> str:
        if self.page_id:
            return self.page.url or ""
        return self.url
