"""The import: check everything, then write it all in one transaction.

1. ``plan.scan`` reads the whole export once and checks it (XML, version,
   duplicate GUIDs, languages); the mapping and the target pages are checked
   next. Nothing has been written yet: any problem stops here.
2. In one transaction: attachments, then posts and pages stage by stage
   (parents before children, sources before translations), each stage a new
   streaming pass over the file, then redirects from the old URLs.
   A dry run rolls it all back; so does any error.
"""

import datetime
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from . import mapping as mapping_module
from . import plan as plan_module
from . import wxr
from .localize import link_translation
from .media import Journal, MediaLibrary, file_hash
from .models import ImportedItem
from .pages import INDEXES, MODELS, Content, fill

# Bump to make the next run update every page (when the conversion changes).
CONVERSION_VERSION = 1
KINDS = ("posts", "pages", "translations", "attachments", "other items", "redirects")
OUTCOMES = ("created", "updated", "unchanged", "skipped")


class ImportFailed(Exception):
    """The import cannot start; nothing was written."""


@dataclass
class Options:
    path: Path
    mapping: Path | None = None
    media_dir: Path | None = None
    parent: str | None = None
    section: str | None = None
    dry_run: bool = False


@dataclass
class Report:
    counts: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    missing: list[tuple[str, str, str]] = field(default_factory=list)
    placed: dict[str, str] = field(default_factory=dict)
    version: str = ""

    def skip(self, kind: str, label: str, reason: str) -> None:
        self.counts[kind]["skipped"] += 1
        self.skipped.append((label, reason))


def aware(value: datetime.datetime | None, utc: bool) -> datetime.datetime | None:
    if value is None:
        return None
    if utc:
        return value.replace(tzinfo=datetime.UTC)
    from zoneinfo import ZoneInfo

    return value.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


class Importer:
    def __init__(self, options: Options, log=print):
        self.options = options
        self.log = log
        self.report = Report()
        self.journal = Journal()
        self.default = Locale.get_default()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.users: dict[str, object] = {}
        self.done = 0

    # Checks (nothing written) ---------------------------------------------

    def prepare(self) -> None:
        options = self.options
        try:
            self.plan = plan_module.scan(
                options.path, set(self.locales), self.default.language_code
            )
        except OSError as error:
            raise ImportFailed(f"cannot read {options.path}: {error.strerror}") from error
        except wxr.WXRError as error:
            raise ImportFailed(str(error)) from error
        self.report.version = self.plan.channel.version
        for label, reason in self.plan.skipped:
            self.report.skip(self._kind_of_label(label), label, reason)
        self.mapping = mapping_module.Mapping()
        if options.mapping:
            try:
                self.mapping = mapping_module.load(options.mapping, self.plan.terms, self.default)
            except mapping_module.MappingError as error:
                raise ImportFailed(str(error)) from error
        if options.media_dir and not options.media_dir.is_dir():
            raise ImportFailed(f"--media-dir {options.media_dir} is not a folder")
        self.media = MediaLibrary(options.media_dir, self.plan.attachments)
        self.kinds = {post_id: self._kind(entry) for post_id, entry in self.plan.entries.items()}
        self.bases = self._bases(set(self.kinds.values()))

    @staticmethod
    def _kind_of_label(label: str) -> str:
        kinds = {"post": "posts", "page": "pages"}
        return kinds.get(label.split(" ", 1)[0], "other items")

    def _kind(self, entry) -> str:
        source = self.plan.entries.get(self.plan.source_of.get(entry.post_id, 0), entry)
        if source.post_type == "page":
            return "page"
        return self.mapping.page_type(source.categories)

    def _bases(self, kinds: set[str]) -> dict[str, Page]:
        """The page under which each kind of page goes, in the default locale."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if self.options.parent:
            parent = self._find_parent(self.options.parent)
            bases = dict.fromkeys(kinds, parent)
        else:
            section = self._find_section(self.options.section) if self.options.section else None
            bases = {}
            for kind in kinds:
                if kind == "page":
                    bases[kind] = home
                elif section is not None:
                    bases[kind] = section
                else:
                    bases[kind] = self._index(INDEXES[kind], home)
        for kind, parent in bases.items():
            if parent is None:
                raise ImportFailed("the site has no home page; create the site first")
            model = MODELS[kind]
            allowed = model in parent.specific_class.allowed_subpage_models()
            if not (allowed and model.can_exist_under(parent)):
                raise ImportFailed(
                    f"{model._meta.verbose_name} pages cannot go under "
                    f'"{parent.title}" ({parent.specific_class._meta.verbose_name})'
                )
            self.report.placed[str(model._meta.verbose_name_plural)] = (
                f'"{parent.title}" (id {parent.pk})'
            )
        return bases

    def _index(self, model, home):
        found = model.objects.filter(locale=self.default)
        if home is not None:
            found = found.descendant_of(home)
        index = found.first()
        if index is None:
            raise ImportFailed(
                f"there is no {model._meta.verbose_name} in {self.default.get_display_name()}: "
                "create it, or choose a parent with --parent"
            )
        return index

    def _find_parent(self, value: str) -> Page:
        value = value.strip()
        if value.isascii() and value.isdecimal() and len(value) <= 18:
            page = Page.objects.filter(pk=int(value)).first()
        else:
            page = self._page_at(value)
        if page is None:
            raise ImportFailed(f"--parent {value}: no such page (give a page id or URL path)")
        return page.specific

    def _page_at(self, path: str) -> Page | None:
        """The page at a URL path such as ``/en/about/`` on the default site."""
        parts = [unquote(p) for p in urlparse(path).path.split("/") if p]
        locale = self.default
        if parts and parts[0] in self.locales:
            locale = self.locales[parts.pop(0)]
        site = Site.objects.filter(is_default_site=True).first()
        page = site.root_page.get_translation_or_none(locale) if site else None
        for slug in parts:
            if page is None:
                return None
            page = page.get_children().filter(slug=slug).first()
        return page

    def _find_section(self, slug: str) -> Page:
        from partners.models import PartnerPage

        partner = PartnerPage.objects.filter(slug=slug, locale=self.default).first()
        if partner is None:
            raise ImportFailed(f"--section {slug}: no hub or education partner with that slug")
        return partner.specific

    # The import --------------------------------------------------------------

    def run(self) -> Report:
        self.prepare()
        try:
            with transaction.atomic():
                self._attachments()
                for stage in self.plan.stages:
                    self.log(f"Stage {stage + 1} of {len(self.plan.stages)}: reading the items")
                    self._stage(stage)
                if self.options.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self.journal.discard()
            raise
        if self.options.dry_run:
            self.journal.discard()
        return self.report

    def _attachments(self) -> None:
        attachments = self.plan.attachments
        if attachments:
            self.log(f"Attachments: {len(attachments)}")
        for attachment in attachments.values():
            label = f'attachment {attachment.post_id} "{attachment.title}"'
            record = ImportedItem.objects.filter(guid=attachment.guid[:500]).first()
            previous = record.target if record else None
            path, reason = self.media.locate(attachment)
            kind = ""
            if path is not None:
                kind, reason = self.media.kind_of(path)
            if not kind:
                if path is None:
                    self.report.missing.append((label, attachment.path or attachment.url, reason))
                self.report.skip("attachments", label, reason)
                if previous is not None:
                    self.media.objects[attachment.post_id] = previous
                continue
            digest = self._digest(
                kind, attachment.title, attachment.alt, attachment.path, file_hash(path)
            )
            outcome = "created"
            if previous is not None and record.source_hash == digest:
                obj, outcome = previous, "unchanged"
            elif isinstance(previous, self.media.model_for(kind)):
                obj = self.media.save(kind, attachment, path, self.journal, previous)
                outcome = "updated"
            else:
                obj = self.media.save(kind, attachment, path, self.journal)
            self.media.objects[attachment.post_id] = obj
            self._remember(attachment.guid[:500], attachment.post_id, obj, digest, None)
            self.report.counts["attachments"][outcome] += 1

    def _stage(self, stage: int) -> None:
        for item in wxr.Reader(self.options.path).items():
            entry = self.plan.entries.get(item.post_id)
            if entry is None or entry.guid != plan_module.guid_of(item, self.plan.channel):
                continue
            if self.plan.stage[item.post_id] != stage:
                continue
            self._item(item, entry)
            self.done += 1
            if self.done % 100 == 0:
                self.log(f"  {self.done} of {len(self.plan.entries)} posts and pages")

    # One post or page ------------------------------------------------------

    def _item(self, item: wxr.Item, entry) -> None:
        source_id = self.plan.source_of.get(entry.post_id)
        kind = self.kinds[entry.post_id]
        counter = "translations" if source_id else ("pages" if kind == "page" else "posts")
        notes: list[str] = []
        content = self._content(item, entry, kind, translation=bool(source_id))
        digest = self._digest(
            CONVERSION_VERSION,
            kind,
            item.title,
            item.content,
            item.excerpt,
            str(item.date_gmt),
            str(item.date_local),
            item.status,
            item.slug,
            content.author,
            content.featured[0].pk if content.featured else None,
            content.taxonomy,
        )
        record = ImportedItem.objects.filter(guid=entry.guid).first()
        if record is not None:
            page = record.target
            reason = self._unchangeable(page, record, kind)
            if reason:
                self.report.skip(counter, entry.label, reason)
                return
            if record.source_hash == digest:
                self.report.counts[counter]["unchanged"] += 1
                self._redirects(item, entry, page)
                return
            outcome = "updated"
        else:
            outcome = "created"
        try:
            # A savepoint: a page that fails validation leaves nothing behind.
            with transaction.atomic():
                if record is None:
                    page = self._new_page(item, entry, kind, source_id, content, notes)
                    if isinstance(page, str):
                        self.report.skip(counter, entry.label, page)
                        return
                elif source_id:
                    # The translation's segments follow the changed text too.
                    source = self._imported(self.plan.entries[source_id].guid)
                    page = self._translation(source, page.locale, kind, content, notes, item)
                fill(page, kind, content, self.media, notes)
                revision = self._save(page, item, parent=getattr(page, "_wp_parent", None))
        except ValidationError as error:
            reason = "not valid as a page: " + "; ".join(error.messages)
            self.report.skip(counter, entry.label, reason)
            return
        self._remember(entry.guid, entry.post_id, page, digest, revision.pk)
        self.report.counts[counter][outcome] += 1
        self.report.notes += [(entry.label, note) for note in dict.fromkeys(notes)]
        self._redirects(item, entry, page)

    def _unchangeable(self, page, record, kind) -> str:
        if page is None:
            return "deleted in Wagtail since the last import"
        if type(page) is not MODELS[kind]:
            return (
                f"imported before as a {page._meta.verbose_name}, now mapped to "
                f"{MODELS[kind]._meta.verbose_name}; delete the page to import it again"
            )
        if page.latest_revision_id != record.revision_id:
            return "changed in Wagtail since the last import; left as it is"
        return ""

    def _content(self, item, entry, kind, translation: bool) -> Content:
        author = self.plan.channel.authors.get(item.creator)
        featured = None
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        image = self.media.image_for_id(thumbnail) if thumbnail else None
        if image is not None:
            featured = (image, image.description)
        date = item.date_local or item.date_gmt
        return Content(
            title=item.title or f"{entry.post_type} {entry.post_id}",
            html=item.content,
            excerpt=item.excerpt,
            date=date.date() if date else None,
            author=(author.display_name if author else "") or item.creator,
            featured=featured,
            taxonomy=None if translation else self.mapping.taxonomy(item),
        )

    def _new_page(self, item, entry, kind, source_id, content, notes):
        """An unsaved page (or a saved wagtail-localize translation), or why not."""
        locale = self.locales[entry.language]
        if source_id:
            source = self._imported(self.plan.entries[source_id].guid)
            if source is None:
                return "its source was not imported"
            if source.get_translation_or_none(locale) is not None:
                return f"the source already has a {locale.get_display_name()} version"
            try:
                page = self._translation(source, locale, kind, content, notes, item)
            except ParentNotTranslatedError:
                return f"the parent page has no {locale.get_display_name()} version"
            page.slug = find_available_slug(page.get_parent(), self._slug(item, kind), page.pk)
            return page
        parent = self._parent(entry, kind, locale)
        if parent is None:
            return f"no {locale.get_display_name()} version of the page to put it under"
        page = MODELS[kind](locale=locale, live=False)
        page.slug = find_available_slug(parent, self._slug(item, kind))
        page.owner = self._owner(item.creator)
        page._wp_parent = parent
        return page

    def _translation(self, source, locale, kind, content, notes, item):
        written = MODELS[kind](locale=locale, slug=self._slug(item, kind))
        fill(written, kind, content, self.media, notes)
        return link_translation(source.specific, written, locale.language_code, notes)

    def _parent(self, entry, kind, locale):
        parent = None
        wp_parent = self.plan.entries.get(entry.parent_id) if entry.post_type == "page" else None
        if wp_parent is not None:
            parent = self._imported(wp_parent.guid)
        parent = parent or self.bases[kind]
        if parent.locale_id != locale.pk:
            parent = parent.get_translation_or_none(locale)
        return parent

    def _imported(self, guid: str):
        record = ImportedItem.objects.filter(guid=guid).first()
        return record.target if record else None

    @staticmethod
    def _slug(item, kind) -> str:
        slug = slugify(unquote(item.slug), allow_unicode=True)[:200]
        return slug or slugify(item.title, allow_unicode=True)[:200] or f"{kind}-{item.post_id}"

    def _owner(self, login: str):
        if login not in self.users:
            author = self.plan.channel.authors.get(login)
            users = get_user_model().objects
            user = users.filter(username=login).first() if login else None
            if user is None and author is not None and author.email:
                user = users.filter(email__iexact=author.email).first()
            self.users[login] = user
        return self.users[login]

    def _save(self, page, item, parent):
        """Write the page and a revision; publish it as WordPress had it."""
        publish = item.status in ("publish", "future")
        if publish and page.first_published_at is None:
            page.first_published_at = aware(item.date_gmt, utc=True) or aware(
                item.date_local, utc=False
            )
        if item.status == "future":
            page.go_live_at = aware(item.date_gmt, utc=True)
        if parent is not None:
            parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return revision

    def _remember(self, guid, wp_id, obj, digest, revision_id) -> None:
        ImportedItem.objects.update_or_create(
            guid=guid,
            defaults={
                "wp_id": wp_id,
                "content_type": ContentType.objects.get_for_model(obj),
                "object_id": obj.pk,
                "source_hash": digest,
                "revision_id": revision_id,
            },
        )

    @staticmethod
    def _digest(*parts) -> str:
        data = json.dumps(parts, sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()

    # Redirects -------------------------------------------------------------

    def old_paths(self, item, entry) -> list[str]:
        """The URLs WordPress answered for the item: its permalink, ``?p=``
        (``?page_id=`` for pages), and the date-based permalink of posts."""
        channel = self.plan.channel
        blog = urlparse(channel.base_blog_url or channel.base_site_url).path.rstrip("/")
        paths = []
        if item.link:
            link = urlparse(item.link)
            paths.append(link.path + (f"?{link.query}" if link.query else ""))
        paths.append(f"{blog}/?p={entry.post_id}")
        if entry.post_type == "page":
            paths.append(f"{blog}/?page_id={entry.post_id}")
        elif item.date_local and item.slug:
            paths.append(f"{blog}/{item.date_local:%Y/%m/%d}/{item.slug}/")
        normalised = [Redirect.normalise_path(p) for p in paths]
        return [p for p in dict.fromkeys(normalised) if p != "/" and len(p) <= 255]

    def _redirects(self, item, entry, page) -> None:
        if item.status != "publish":
            return
        counts = self.report.counts["redirects"]
        for path in self.old_paths(item, entry):
            existing = Redirect.objects.filter(old_path=path, site=None).first()
            if existing is None:
                Redirect.objects.create(old_path=path, redirect_page=page, is_permanent=True)
                counts["created"] += 1
            elif existing.redirect_page_id == page.pk:
                counts["unchanged"] += 1
            else:
                self.report.skip("redirects", path, "a redirect from this path exists; kept")
