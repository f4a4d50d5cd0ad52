"""Reading WordPress's export format (WXR 1.0, 1.1 and 1.2) as a stream.

The file is parsed with defusedxml's ``iterparse`` (no entity expansion, no
external references), one ``<item>`` at a time: each item is turned into a
small ``Item`` and its element is dropped from the tree before the next one
is read, so memory does not grow with the size of the export.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
WP_PREFIX = "http://wordpress.org/export/"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


class WXRError(Exception):
    """The file is not a WordPress export this importer can read."""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""


@dataclass
class Channel:
    version: str = ""
    title: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    # (domain, slug) -> name, domain being "category" or "post_tag"
    terms: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class Item:
    post_id: int = 0
    guid: str = ""
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date_gmt: datetime.datetime | None = None
    date_local: datetime.datetime | None = None
    slug: str = ""
    status: str = ""
    post_type: str = ""
    parent_id: int = 0
    attachment_url: str = ""
    # (domain, nicename, text) of each <category> element, in file order.
    categories: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # Elements of a WPML namespace, by local name (language_code, trid...).
    wpml: dict[str, str] = field(default_factory=dict)

    def terms(self, domain: str) -> list[str]:
        return [slug for d, slug, _text in self.categories if d == domain]


def split_tag(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def parse_int(text: str | None) -> int:
    """A WordPress id: ASCII digits only and a sane length, else 0."""
    text = (text or "").strip()
    if text.isascii() and text.isdecimal() and len(text) <= 18:
        return int(text)
    return 0


def parse_date(text: str | None) -> datetime.datetime | None:
    """``2023-02-02 10:00:00`` as naive datetime; WordPress writes zeros for
    drafts that have no date yet."""
    text = (text or "").strip()
    if not text or text.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


class Reader:
    """Streams one export file. ``channel`` fills in as the file is read
    (WordPress writes authors and terms before the items)."""

    def __init__(self, path):
        self.path = path
        self.channel = Channel()
        self.wp = ""  # the wp namespace, once the version is known

    def items(self) -> Iterator[Item]:
        try:
            yield from self._items()
        except ParseError as error:
            line, column = error.position
            raise WXRError(
                f"{self.path} is not well-formed XML (a truncated or damaged file?): "
                f"line {line}, column {column}: {error.msg}"
            ) from error
        except DefusedXmlException as error:
            raise WXRError(
                f"{self.path} declares XML entities or external references, which a "
                f"WordPress export never does; refused ({error.__class__.__name__})"
            ) from error

    def _items(self) -> Iterator[Item]:
        depth = 0
        channel = None
        with open(self.path, "rb") as source:
            for event, element in iterparse(source, events=("start", "end")):
                if event == "start":
                    depth += 1
                    if depth == 1 and element.tag != "rss":
                        raise WXRError(
                            f"{self.path} is not a WordPress export: its root element is "
                            f"<{split_tag(element.tag)[1]}>, not <rss>"
                        )
                    if depth == 2 and element.tag == "channel":
                        channel = element
                    continue
                depth -= 1
                if depth != 2 or channel is None:
                    continue
                # A direct child of <channel> is complete: use it, then drop it.
                if element.tag == "item":
                    if not self.wp:
                        raise WXRError(
                            f"{self.path} has no <wp:wxr_version> before its items: "
                            "not a WordPress export (WXR 1.0 to 1.2)"
                        )
                    yield self._item(element)
                else:
                    self._channel_child(element)
                channel.clear()
        if not self.wp:
            raise WXRError(f"{self.path} has no <wp:wxr_version>: not a WordPress export")

    def _channel_child(self, element) -> None:
        namespace, local = split_tag(element.tag)
        text = (element.text or "").strip()
        if local == "wxr_version" and namespace.startswith(WP_PREFIX):
            declared = namespace[len(WP_PREFIX) :].strip("/")
            if text not in SUPPORTED_VERSIONS or declared != text:
                raise WXRError(
                    f"{self.path} is WXR version {text or '?'} (namespace {namespace}); "
                    f"this importer reads versions {', '.join(SUPPORTED_VERSIONS)}"
                )
            self.channel.version = text
            self.wp = "{" + namespace + "}"
            return
        if namespace == "" and local == "title":
            self.channel.title = text
        if not self.wp or namespace != self.wp[1:-1]:
            return
        child = {split_tag(c.tag)[1]: (c.text or "").strip() for c in element}
        if local == "base_site_url":
            self.channel.base_site_url = text
        elif local == "base_blog_url":
            self.channel.base_blog_url = text
        elif local == "author":
            login = child.get("author_login", "")
            self.channel.authors[login] = Author(
                login, child.get("author_email", ""), child.get("author_display_name", "")
            )
        elif local == "category":
            slug = child.get("category_nicename", "")
            self.channel.terms["category", slug] = child.get("cat_name", slug)
        elif local == "tag":
            slug = child.get("tag_slug", "")
            self.channel.terms["post_tag", slug] = child.get("tag_name", slug)
        elif local == "term":
            domain = child.get("term_taxonomy", "")
            slug = child.get("term_slug", "")
            self.channel.terms[domain, slug] = child.get("term_name", slug)

    def _item(self, element) -> Item:
        item = Item()
        wp = self.wp
        excerpt = wp[:-1] + "excerpt/}encoded"
        for child in element:
            tag = child.tag
            text = child.text or ""
            if tag == "title":
                item.title = text.strip()
            elif tag == "link":
                item.link = text.strip()
            elif tag == "guid":
                item.guid = text.strip()
            elif tag == CREATOR:
                item.creator = text.strip()
            elif tag == CONTENT:
                item.content = text
            elif tag == excerpt:
                item.excerpt = text.strip()
            elif tag == "category":
                item.categories.append(
                    (child.get("domain", ""), child.get("nicename", ""), text.strip())
                )
            elif tag.startswith(wp):
                self._wp_field(item, tag[len(wp) :], child, text)
            elif "wpml" in split_tag(tag)[0].lower():
                item.wpml[split_tag(tag)[1]] = text.strip()
        return item

    def _wp_field(self, item: Item, local: str, child, text: str) -> None:
        if local == "post_id":
            item.post_id = parse_int(text)
        elif local == "post_date_gmt":
            item.date_gmt = parse_date(text)
        elif local == "post_date":
            item.date_local = parse_date(text)
        elif local == "post_name":
            item.slug = text.strip()
        elif local == "status":
            item.status = text.strip()
        elif local == "post_type":
            item.post_type = text.strip()
        elif local == "post_parent":
            item.parent_id = parse_int(text)
        elif local == "attachment_url":
            item.attachment_url = text.strip()
        elif local == "postmeta":
            values = {split_tag(c.tag)[1]: c.text or "" for c in child}
            key = values.get("meta_key", "").strip()
            if key:
                item.meta[key] = values.get("meta_value", "")
