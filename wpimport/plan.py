"""The first pass over an export: check it all, remember a little of each
item, and decide what happens to it, before the database is touched.

What is kept per item is small (ids, language, translation group, category
slugs), so a large export costs little memory here; the content itself is
read again, one item at a time, when it is imported.
"""

from dataclasses import dataclass, field
from html import unescape

from . import wxr
from .media import Attachment
from .richtext import media_path

IMPORTED_TYPES = ("post", "page")
SKIPPED_STATUSES = {
    "trash": "in the WordPress trash",
    "auto-draft": "an auto-draft WordPress never saved",
    "inherit": "a revision",
}
# Where WPML and Polylang write an item's language and translation group.
WPML_LANGUAGE = ("_wpml_import_language_code", "_icl_lang_code", "_wpml_language")
WPML_GROUP = ("_wpml_import_translation_group", "_icl_trid", "_wpml_trid")
WPML_SOURCE = ("_wpml_import_source_language_code", "_icl_source_language")


@dataclass
class Entry:
    post_id: int
    guid: str
    post_type: str
    parent_id: int
    title: str
    language: str = ""  # a site language code, "" for the default
    group: str = ""
    original: bool = True  # WPML: not marked as a translation of another item
    categories: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f'{self.post_type} {self.post_id} "{self.title}"'


@dataclass
class Plan:
    channel: wxr.Channel
    entries: dict[int, Entry] = field(default_factory=dict)
    attachments: dict[int, Attachment] = field(default_factory=dict)
    terms: set[tuple[str, str]] = field(default_factory=set)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    source_of: dict[int, int] = field(default_factory=dict)  # translation -> source
    stage: dict[int, int] = field(default_factory=dict)

    @property
    def stages(self) -> list[int]:
        return sorted(set(self.stage.values()))


def label(item: wxr.Item) -> str:
    return f'{item.post_type or "item"} {item.post_id} "{unescape(item.title)}"'


def guid_of(item: wxr.Item, channel: wxr.Channel) -> str:
    """The item's GUID; WordPress's own ``?p=`` form when it has none."""
    if item.guid:
        return item.guid[:500]
    if item.post_id:
        return f"{channel.base_site_url or channel.base_blog_url}/?p={item.post_id}"
    return ""


def language_of(item: wxr.Item) -> tuple[str, str, bool]:
    """(language code, translation group, is original) from WPML's or
    Polylang's data in the item; empty when it has none."""
    meta, wpml = item.meta, item.wpml
    language = next((meta[k] for k in WPML_LANGUAGE if meta.get(k)), wpml.get("language_code", ""))
    group = next((meta[k] for k in WPML_GROUP if meta.get(k)), "")
    group = group or wpml.get("trid", "") or wpml.get("translation_group", "")
    source = next((meta[k] for k in WPML_SOURCE if meta.get(k)), "")
    source = source or wpml.get("source_language_code", "")
    if language:
        return language.strip().lower(), f"wpml:{group.strip()}" if group else "", not source
    # Polylang: a "language" term, and a "post_translations" term shared by
    # the versions of one post.
    language = next((slug for d, slug, _t in item.categories if d == "language"), "")
    group = next((slug for d, slug, _t in item.categories if d == "post_translations"), "")
    return language.strip().lower(), f"pll:{group}" if group else "", True


def site_language(code: str, languages: set[str]) -> str | None:
    """``pt-br`` -> ``pt-br`` or ``pt``, whichever the site has."""
    code = code.replace("_", "-")
    if code in languages:
        return code
    primary = code.split("-")[0]
    return primary if primary in languages else None


def scan(path, languages: set[str], default: str) -> Plan:
    """Read the whole export once; raises ``wxr.WXRError`` on a bad file."""
    reader = wxr.Reader(path)
    plan = Plan(reader.channel)
    guids: dict[str, str] = {}
    for item in reader.items():
        plan.terms.update((d, slug) for d, slug, _t in item.categories)
        name = label(item)
        if item.post_type == "attachment":
            _attachment(plan, item)
            continue
        if item.post_type not in IMPORTED_TYPES:
            plan.skipped.append((name, f"post type {item.post_type!r} is not imported"))
            continue
        if item.status in SKIPPED_STATUSES:
            plan.skipped.append((name, SKIPPED_STATUSES[item.status]))
            continue
        guid = guid_of(item, reader.channel)
        if not guid:
            plan.skipped.append((name, "no GUID and no post id"))
            continue
        if guid in guids:
            plan.skipped.append((name, f"same GUID as {guids[guid]}"))
            continue
        guids[guid] = name
        code, group, original = language_of(item)
        language = site_language(code, languages) if code else default
        if language is None:
            plan.skipped.append((name, f"language {code!r} is not one of the site's languages"))
            continue
        plan.entries[item.post_id] = Entry(
            item.post_id,
            guid,
            item.post_type,
            item.parent_id,
            unescape(item.title),
            language,
            group,
            original,
            item.terms("category"),
        )
    plan.terms |= set(reader.channel.terms)
    _pair_translations(plan, default)
    _stages(plan)
    return plan


def _attachment(plan: Plan, item: wxr.Item) -> None:
    path = item.meta.get("_wp_attached_file", "").strip() or media_path(item.attachment_url)
    plan.attachments[item.post_id] = Attachment(
        item.post_id,
        item.guid or item.attachment_url,
        unescape(item.title),
        item.attachment_url,
        path.lstrip("/"),
        item.meta.get("_wp_attachment_image_alt", "").strip(),
    )


def _pair_translations(plan: Plan, default: str) -> None:
    """In each translation group one version is the source (the default
    language's, else the one WPML marks as original, else the oldest); the
    others become its translations."""
    groups: dict[str, list[Entry]] = {}
    for entry in plan.entries.values():
        if entry.group:
            groups.setdefault(entry.group, []).append(entry)
    for members in groups.values():
        members.sort(key=lambda e: (e.language != default, not e.original, e.post_id))
        source, seen = members[0], {members[0].language}
        for entry in members[1:]:
            if entry.language in seen or entry.post_type != source.post_type:
                reason = f"second {entry.language} version of {source.label}"
                plan.skipped.append((entry.label, reason))
                del plan.entries[entry.post_id]
                continue
            seen.add(entry.language)
            plan.source_of[entry.post_id] = source.post_id


def _stages(plan: Plan) -> None:
    """Parents before children, sources before translations: a page's stage
    is its depth among the imported pages; translations come after all
    sources, again by depth."""

    def depth(entry: Entry) -> int:
        seen = {entry.post_id}
        level = 0
        parent = plan.entries.get(entry.parent_id) if entry.post_type == "page" else None
        while parent is not None and parent.post_id not in seen:
            seen.add(parent.post_id)
            level += 1
            parent = plan.entries.get(parent.parent_id)
        return level

    depths = {post_id: depth(entry) for post_id, entry in plan.entries.items()}
    deepest = max(depths.values(), default=0)
    for post_id, level in depths.items():
        translated = post_id in plan.source_of
        plan.stage[post_id] = level + (deepest + 1 if translated else 0)
