"""The abstract page every content type builds on."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.localization.choosers import LocalizedAdminPageForm
from core.localization.relations import localize_relations


class BasePage(Page):
    """Common fields: a short summary for listings, search results and meta
    descriptions. Subclasses declare their own parent/subpage rules, panels
    and search fields, adding to these."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences for listings, search results and link previews."),
    )

    # get_context reads the page's own picture with its renditions in one
    # query; a type that reads it with other pictures (partner pages, with
    # their publications' cards) turns this off.
    load_own_picture = True

    content_panels = Page.content_panels + [FieldPanel("summary")]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    override_translatable_fields = [TranslatableField("summary")]
    # Taxonomy pickers offer only the terms of the page's own locale.
    base_form_class = LocalizedAdminPageForm

    class Meta:
        abstract = True

    def save_revision(self, *args, **kwargs):
        # Drafts too keep their synchronised links in the page's own locale
        # (saving the page itself is covered by a pre_save receiver).
        localize_relations(self)
        return super().save_revision(*args, **kwargs)

    # Relations the page's own template reads (often more than once: the
    # citation tags, the JSON-LD and the byline all list the authors), read
    # once per render.
    detail_prefetch: tuple[str, ...] = ()
    # Foreign keys the template reads, joined to the page's own row when
    # routing loads it (core/routing.py): no query of their own.
    detail_select: tuple[str, ...] = ()

    def detail_lookups(self) -> list:
        """``detail_prefetch``; a page type may add ``Prefetch`` objects."""
        return list(self.detail_prefetch)

    def get_context(self, request, *args, **kwargs):
        pending = getattr(self, "_cluster_related_objects", {})
        # A preview's relations are in memory already.
        lookups = [
            lookup
            for lookup in self.detail_lookups()
            if getattr(lookup, "prefetch_through", lookup) not in pending
        ]
        if self.pk and lookups:
            from core.detail_terms import load_terms, term_relations

            # Themes, sectors and audiences: one query for the three.
            terms = term_relations(type(self), lookups)
            if len(terms) > 1:
                load_terms(self, terms, self._state.db or "default")
                lookups = [lookup for lookup in lookups if lookup not in terms]
            if lookups:
                prefetch_related_objects([self], *lookups)
        if self.pk and self.load_own_picture:
            from core.cards import with_pictures

            # The page's own picture with its renditions: one query, not
            # three (image, then each rendition the template asks for).
            with_pictures([self])
        return super().get_context(request, *args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's, in one query rather than two when routing has loaded
        the pages above this one (core/routing.py): their ids are known, and
        above depth 2 there is only the tree's root; in no query at all when routing's
        rows say that none of them, nor the root, is restricted."""
        from django.db.models import Q
        from wagtail.models import PageViewRestriction

        from core.routing import routed_ancestors

        chain = routed_ancestors(self)
        if chain is None or any(page.alias_of_id for page in [self, *chain]):
            return super().get_view_restrictions()
        # Routing's rows say whether any of them, or the root, is restricted.
        if all(page.__dict__.get("view_restricted") is False for page in [self, *chain]):
            return PageViewRestriction.objects.none()
        ids = [self.pk, *(page.pk for page in chain)]
        return PageViewRestriction.objects.filter(Q(page_id__in=ids) | Q(page__depth=1))

    def get_meta_description(self) -> str:
        return self.search_description or self.summary

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entry, with hreflang alternates: the live
        translations the sitemap attached (core.sitemaps), or looked up here."""
        from django.conf import settings

        from core.sitemaps import attach_alternates

        if not hasattr(self, "sitemap_alternates"):
            live = Page.objects.live().public()
            attach_alternates([self], live, request)
        urls = super().get_sitemap_urls(request)
        for url in urls:
            url["alternates"] = self.sitemap_alternates
            url["x_default"] = next(
                (
                    link["location"]
                    for link in self.sitemap_alternates
                    if link["lang_code"] == settings.LANGUAGE_CODE
                ),
                None,
            )
        return urls

    @classmethod
    def get_indexed_objects(cls):
        """Wagtail prefetches related search fields, but skips
        ``ParentalManyToManyField`` (themes, sectors, partners), which then
        cost a query per page while indexing. They prefetch fine."""
        queryset = super().get_indexed_objects()
        for field in cls.get_search_fields():
            if not isinstance(field, index.RelatedFields):
                continue
            try:
                model_field = cls._meta.get_field(field.field_name)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, ParentalManyToManyField):
                queryset = queryset.prefetch_related(field.field_name)
        return queryset


class BaseIndexPage(BasePage):
    """A listing page: it introduces and lists the pages of one type."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [TranslatableField("summary"), TranslatableField("intro")]

    class Meta:
        abstract = True
