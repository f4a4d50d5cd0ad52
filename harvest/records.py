"""The records the OAI-PMH endpoint exposes, and their Dublin Core.

A record is one policy paper or guideline in one language: each live
translation is a record of its own, identified by the page's translation key
and language (``oai:<site host>:<translation key>/<language>``), and names
its sibling translations in ``dc:relation``. Only live pages that are public
(not in a view-restricted section) and inside the requesting Wagtail site
are exposed; the site also gives every URL in the metadata.
"""

import datetime
import re
import uuid
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Exists, F, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import Page, Site
from wagtail.rich_text import get_text_for_indexing

from core.models import Theme
from knowledgebase.models import GuidelinePage, PolicyPaperPage
from partners.models import PartnerPage

from .models import Tombstone

# The page types harvested, by the name used in their set ("type:<name>").
TYPES = {"policy-paper": PolicyPaperPage, "guideline": GuidelinePage}

# OAI-PMH's setSpec grammar: colon-separated tags of unreserved URI characters.
SET_TAG = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")

# Type vocabulary that OpenAIRE and BASE read from dc:type.
EU_REPO_TYPES = {PolicyPaperPage: "info:eu-repo/semantics/report"}
EU_REPO_OTHER = "info:eu-repo/semantics/other"


def type_name(page) -> str:
    return next(name for name, model in TYPES.items() if isinstance(page, model))


def set_specs(page) -> list[str]:
    """The sets a page's record is in: its type, themes and language. Each
    page type's themes are prefetched or cached on the page."""
    specs = [f"type:{type_name(page)}"]
    specs += [f"theme:{theme.slug}" for theme in page.themes.all() if SET_TAG.match(theme.slug)]
    specs.append(f"lang:{page.locale.language_code}")
    return specs


def format_datestamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Record:
    identifier: str
    datestamp: datetime.datetime
    set_specs: list[str]
    deleted: bool
    # (element, value, xml:lang or "") in the order written; None when
    # deleted or when only the header was asked for.
    metadata: list[tuple[str, str, str]] | None


class Repository:
    """The records of one Wagtail site, as seen by one request."""

    def __init__(self, request, site: Site):
        self.request = request
        self.site = site
        self.namespace = site.hostname
        self.prefix = f"oai:{site.hostname}:"

    @property
    def name(self) -> str:
        return self.site.site_name or settings.WAGTAIL_SITE_NAME

    # -- which pages -----------------------------------------------------------

    @cached_property
    def _private(self) -> Q:
        """Pages in a view-restricted section."""
        return Page.objects.private_q()

    @cached_property
    def _visible(self) -> Q:
        """Under the site's root (in any locale) and in no private section."""
        roots = self.site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        under_a_root = Q(pk__in=[])
        for path in roots:
            under_a_root |= Q(path__startswith=path)
        return under_a_root & ~self._private

    def _exposed(self):
        """Exposed pages, each with ``published``: when it was last published
        (pages made live without publishing have no datestamp and are left
        out). Aliases are left out: wagtail-localize's synchronised trees put
        one of each untranslated page in every locale, in the source's words."""
        return (
            Page.objects.live()
            .filter(alias_of__isnull=True)
            .type(*TYPES.values())
            .filter(self._visible)
            .annotate(published=Coalesce("last_published_at", "latest_revision_created_at"))
            .filter(published__isnull=False)
        )

    def pages(self):
        """Exposed pages with their record's ``datestamp``: the last
        publication, or the moment the page came back into view, if later."""
        shown_again = Tombstone.objects.filter(
            translation_key=OuterRef("translation_key"),
            language_code=OuterRef("locale__language_code"),
        ).values("datestamp")[:1]
        return self._exposed().annotate(
            datestamp=Greatest(F("published"), Coalesce(Subquery(shown_again), F("published")))
        )

    def tombstones(self):
        """Deleted records: tombstones whose record is not exposed again."""
        exposed = self._exposed().filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=OuterRef("language_code"),
        )
        return Tombstone.objects.filter(~Exists(exposed))

    @staticmethod
    def set_filters(spec: str) -> tuple[Q, Q]:
        """Filters of (pages, tombstones) for the records in set ``spec`` and
        its subsets; a set that does not exist matches nothing."""
        if not all(SET_TAG.match(tag) for tag in spec.split(":")):
            return Q(pk__in=[]), Q(pk__in=[])
        group, _colon, value = spec.partition(":")
        # A regex, not "contains": SQLite's LIKE ignores case, setSpecs don't.
        in_set = Q(set_specs__regex=rf" {re.escape(spec)}[ :]")
        if group in ("type", "lang") and not value:
            return Q(), in_set
        if group == "type" and value in TYPES:
            return Page.objects.type_q(TYPES[value]), in_set
        if group == "lang" and value and ":" not in value:
            return Q(locale__language_code=value), in_set
        if group == "theme" and ":" not in value:
            tagged = Q(pk__in=[])
            for model in TYPES.values():
                links = model._meta.get_field("themes").remote_field.through.objects.filter(
                    **{model._meta.model_name: OuterRef("pk")}
                )
                tagged |= Exists(links.filter(theme__slug=value) if value else links)
            return tagged, in_set
        return Q(pk__in=[]), Q(pk__in=[])

    def earliest_datestamp(self) -> datetime.datetime:
        dates = [
            self._exposed().aggregate(earliest=Min("published"))["earliest"],
            Tombstone.objects.aggregate(earliest=Min("datestamp"))["earliest"],
        ]
        return min((d for d in dates if d), default=timezone.now())

    def sets(self) -> list[tuple[str, str]]:
        """(setSpec, setName) of every set, parents first."""
        active = translation.get_language() or settings.LANGUAGE_CODE
        themes = {}
        for theme in Theme.objects.filter(
            locale__language_code__in=[settings.LANGUAGE_CODE, active]
        ).select_related("locale"):
            if theme.locale.language_code == active or theme.slug not in themes:
                themes[theme.slug] = theme.name
        sets = [("type", gettext("Type"))]
        sets += [(f"type:{key}", capfirst(m._meta.verbose_name)) for key, m in TYPES.items()]
        sets.append(("theme", gettext("Theme")))
        sets += [(f"theme:{slug}", themes[slug]) for slug in sorted(themes) if SET_TAG.match(slug)]
        sets.append(("lang", gettext("Language")))
        sets += [(f"lang:{code}", name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return sets

    # -- one record ------------------------------------------------------------

    def parse_identifier(self, identifier: str) -> tuple[uuid.UUID, str] | None:
        """(translation key, language) of one of our identifiers, or None."""
        if not identifier.startswith(self.prefix):
            return None
        key, _slash, language = identifier[len(self.prefix) :].partition("/")
        try:
            return uuid.UUID(key), language
        except ValueError:
            return None

    def find(self, identifier: str) -> Record | None:
        parsed = self.parse_identifier(identifier)
        if parsed is None:
            return None
        key, language = parsed
        page = (
            self.pages()
            .filter(translation_key=key, locale__language_code=language)
            .values_list("pk", "datestamp")
            .first()
        )
        if page is not None:
            return self.records([page])[0]
        stone = self.tombstones().filter(translation_key=key, language_code=language).first()
        return self.deleted(stone) if stone else None

    # -- records in bulk -------------------------------------------------------

    def deleted(self, stone: Tombstone) -> Record:
        return Record(
            identifier=f"{self.prefix}{stone.translation_key}/{stone.language_code}",
            datestamp=stone.datestamp,
            set_specs=stone.set_specs.split(),
            deleted=True,
            metadata=None,
        )

    def records(self, rows: list[tuple[int, datetime.datetime]], metadata=True) -> list[Record]:
        """Records of the exposed pages ``rows`` (page id, datestamp), in
        that order, with a fixed number of queries for any number of rows;
        headers only unless ``metadata``."""
        pks = [pk for pk, _datestamp in rows]
        pages = self._load(pks, metadata)
        translations = {}
        if metadata:
            # Translations in this batch are loaded already; fetch the others.
            keys = {page.translation_key for page in pages.values()}
            others = self._exposed().filter(translation_key__in=keys).exclude(pk__in=pks)
            for other in [*pages.values(), *others.select_related("locale")]:
                translations.setdefault(other.translation_key, []).append(other)
        records = []
        for pk, datestamp in rows:
            page = pages[pk]
            siblings = sorted(
                (p for p in translations.get(page.translation_key, []) if p.pk != pk),
                key=lambda p: p.locale.language_code,
            )
            records.append(
                Record(
                    identifier=f"{self.prefix}{page.translation_key}/{page.locale.language_code}",
                    datestamp=datestamp,
                    set_specs=set_specs(page),
                    deleted=False,
                    metadata=self.dublin_core(page, siblings) if metadata else None,
                )
            )
        return records

    def _load(self, pks: list[int], metadata: bool) -> dict:
        public_partners = PartnerPage.objects.live().exclude(self._private).only("title")
        pages = {}
        for model in TYPES.values():
            queryset = (
                model.objects.filter(pk__in=pks)
                .defer_streamfields()
                .select_related("locale")
                .prefetch_related("themes")
            )
            if metadata:
                queryset = queryset.select_related("document").prefetch_related(
                    Prefetch("partners", queryset=public_partners)
                )
            if metadata and model is PolicyPaperPage:
                queryset = queryset.prefetch_related("authors")
            pages.update((page.pk, page) for page in queryset)
        return pages

    def dublin_core(self, page, translations) -> list[tuple[str, str, str]]:
        """The page as unqualified Dublin Core: (element, value, xml:lang)."""
        lang = page.locale.language_code
        partners = [partner.title for partner in page.partners.all()]
        if isinstance(page, PolicyPaperPage):
            creators = [author.name for author in page.authors.all()]
            contributors = partners
            description = get_text_for_indexing(page.abstract) or page.summary
            publisher = page.publisher or self.name
        else:
            # A guideline names no authors: the partners who made it are its creators.
            creators, contributors = partners, []
            description = page.summary
            publisher = self.name
        fields = [("title", page.title, lang)]
        fields += [("creator", name, "") for name in creators]
        fields += [("subject", theme.name, lang) for theme in page.themes.all()]
        if description:
            fields.append(("description", description, lang))
        fields.append(("publisher", publisher, ""))
        fields += [("contributor", name, "") for name in contributors]
        fields.append(("date", page.date.isoformat(), ""))
        fields.append(("type", "Text", ""))
        fields.append(("type", EU_REPO_TYPES.get(type(page), EU_REPO_OTHER), ""))
        document = page.document
        if document:
            fields.append(("format", document.content_type, ""))
        fields.append(("identifier", page.get_full_url(self.request), ""))
        if getattr(page, "doi", ""):
            fields.append(("identifier", f"https://doi.org/{page.doi}", ""))
        if getattr(page, "isbn", ""):
            fields.append(("identifier", f"urn:isbn:{page.isbn.replace(' ', '')}", ""))
        if document:
            fields.append(("identifier", urljoin(self.site.root_url, document.url), ""))
        fields.append(("language", lang, ""))
        fields += [("relation", other.get_full_url(self.request), "") for other in translations]
        rights = getattr(settings, "OAI_RIGHTS", "")
        if rights:
            fields.append(("rights", rights, ""))
        return fields
