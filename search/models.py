"""Facet values of every indexed page, kept beside the search index.

One row per (page, facet, value): its type, year, themes, sectors,
countries, partners, whether a document is attached, and its date (for
sorting). The index classes of every backend write them when they index a
page (``search.facet_rows``), so counting a facet over ten thousand matches
is one ``GROUP BY`` in the database instead of reading those pages' facts
into Python.
"""

from django.db import connection, models
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


class PageFacet(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    facet = models.CharField(_("facet"), max_length=16)
    value = models.CharField(_("value"), max_length=64)

    class Meta:
        verbose_name = _("page facet")
        verbose_name_plural = _("page facets")
        indexes = [
            models.Index(fields=["page", "facet", "value"], name="search_facet_page"),
            models.Index(fields=["facet", "value"], name="search_facet_value"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.facet}={self.value}"


class PageCard(models.Model):
    """What a search result's card shows that is not in ``wagtailcore_page``:
    the page's own text (for the snippet), its picture and its document.

    Written with the facet rows when the page is indexed, so a page of
    results of any number of page types is read in one query, without
    ``.specific()`` (one query per type).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_card",
    )
    text = models.TextField(_("text"), blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("search result card")
        verbose_name_plural = _("search result cards")

    def __str__(self):
        return f"card of page {self.page_id}"


if connection.vendor == "postgresql":
    from django.contrib.postgres.fields import ArrayField
    from django.contrib.postgres.indexes import GinIndex
    from modelsearch.abstract_models import AbstractIndexEntry

    class LocaleIndexEntry(AbstractIndexEntry):
        """The PostgreSQL search index of the project's backend: Wagtail's
        index row (modelsearch's abstract ``AbstractIndexEntry``, the model
        Wagtail's own ``IndexEntry`` is made from) and the object's locale.

        One GIN index holds the locale beside ``title || body`` (``btree_gin``),
        so a search in one language reads only that language's postings.
        Only on PostgreSQL, as modelsearch's models: the other databases use
        Wagtail's table. ``SearchConfig.ready()`` points every indexed
        model's ``index_entries`` here, so modelsearch's queries (vectors,
        fuzzy search, deletion) read this table.

        ``facets`` repeats the page's facet rows (all but its date) as
        ``facet:value`` strings, so a query's facets are counted from the
        index rows it matched, with no join to ``PageFacet``
        (``facet_counts.array_sql``).
        """

        locale = models.ForeignKey(
            "wagtailcore.Locale",
            on_delete=models.SET_NULL,
            null=True,
            blank=True,
            related_name="+",
            db_index=False,
        )
        facets = ArrayField(models.TextField(), default=list, db_default=[], blank=True)

        class Meta(AbstractIndexEntry.Meta):
            abstract = False
            verbose_name = _("index entry with locale")
            verbose_name_plural = _("index entries with locale")
            indexes = [
                GinIndex(fields=["autocomplete"], name="search_entry_autocomplete"),
                GinIndex(fields=["title"], name="search_entry_title"),
                GinIndex(
                    F("locale"),
                    CombinedExpression(F("title"), "||", F("body")),
                    name="search_entry_locale_text",
                ),
            ]
