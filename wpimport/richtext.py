"""A WordPress post's HTML as Wagtail rich text.

WordPress markup is first made plain HTML (``markup.prepare``), then fitted
to the features of the field it goes into: headings move to the levels the
field has, images and embeds become Wagtail's ``<embed>`` elements where the
field takes them, and everything else goes through Wagtail's own converter
(HTML -> Draftail contentstate -> database HTML), the same whitelisting the
editor applies when a page is saved. Images and embeds are written by hand,
because that converter would render images and fetch embeds over the
network.
"""

import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import parse_qs, urlparse

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.html import strip_tags
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.images.formats import get_image_formats
from wagtail.rich_text import features as feature_registry

from . import markup

ATOMIC_FEATURES = {"image", "embed"}
TAGS_BY_FEATURE = {
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "link": {"a"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "blockquote": {"blockquote"},
    "hr": {"hr"},
    "code": {"code"},
    "superscript": {"sup"},
    "subscript": {"sub"},
    "strikethrough": {"s", "del"},
    **{f"h{n}": {f"h{n}"} for n in range(1, 7)},
}
HEADINGS = [f"h{n}" for n in range(1, 7)]
DROPPED = ["script", "style", "noscript", "form", "input", "button", "select", "textarea"]
DROPPED += ["svg", "canvas", "object", "template", "head", "title", "audio", "video"]
# Containers that become a paragraph when they hold only text, and are
# unwrapped when they hold blocks.
CONTAINERS = {"div", "section", "article", "aside", "header", "footer", "main", "nav"}
CONTAINERS |= {"figure", "figcaption", "pre", "address", "details", "summary", "dd", "dt"}
CONTAINERS |= {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "center"}
BLOCKS = {"p", "ul", "ol", "li", "blockquote", "hr", "wp-image", "wp-embed", *HEADINGS}
BLOCKS |= CONTAINERS
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")


@dataclass
class Piece:
    """A top-level part of a converted body: ``kind`` is "html" (database
    rich text), "heading" (plain text), "image" (an image and its alt text)
    or "embed" (a URL)."""

    kind: str
    value: object
    alt: str = ""
    format: str = "fullwidth"


def field_features(field_or_block) -> list[str]:
    features = getattr(field_or_block, "features", None)
    return list(features) if features is not None else feature_registry.get_default_features()


def embed_url(src: str) -> str:
    """A video player's address as the page address oEmbed knows."""
    parsed = urlparse(src if "://" in src else "https:" + src)
    host = parsed.netloc.lower()
    if host.endswith("youtube.com") or host.endswith("youtube-nocookie.com"):
        if parsed.path.startswith("/embed/"):
            return "https://www.youtube.com/watch?v=" + parsed.path.split("/")[2]
        if "v" in parse_qs(parsed.query):
            return src
    if host == "player.vimeo.com" and parsed.path.startswith("/video/"):
        return "https://vimeo.com/" + parsed.path.split("/")[2]
    return ""


def plain_text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(strip_tags(html or ""))).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to fit ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


class Converter:
    """Converts post bodies for fields with ``features``. ``media`` finds
    imported images and documents (``image_for_src``, ``image_for_id``,
    ``document_for_href``); ``notes`` collects what could not come along."""

    def __init__(self, features, media, notes: list[str]):
        self.features = set(features)
        self.media = media
        self.notes = notes
        self.inner = ContentstateConverter([f for f in features if f not in ATOMIC_FEATURES])
        self.allowed = {"p", "br", "wp-image", "wp-embed"}
        for feature in self.features:
            self.allowed |= TAGS_BY_FEATURE.get(feature, set())

    # Public API ----------------------------------------------------------

    def richtext(self, html: str, lead_image=None) -> str:
        """Database rich text for a field with this converter's features."""
        pieces = self.pieces(html, split_headings=False)
        if lead_image is not None:
            pieces.insert(0, Piece("image", lead_image[0], lead_image[1]))
        return "".join(self.render(piece) for piece in pieces)

    def pieces(self, html: str, split_headings: bool = True) -> list[Piece]:
        """The body as top-level pieces; with ``split_headings`` headings come
        out as their own pieces (for StreamFields with heading blocks)."""
        soup = self.clean(html, keep_headings=split_headings)
        pieces: list[Piece] = []
        chunk: list[str] = []

        def flush():
            text = "".join(chunk).strip()
            chunk.clear()
            if text:
                converted = self.inner.to_database_format(self.inner.from_database_format(text))
                if plain_text(converted) or "<hr" in converted:
                    pieces.append(Piece("html", converted))

        for node in list(soup.contents):
            name = node.name if isinstance(node, Tag) else None
            if name == "wp-image":
                flush()
                image_format = node.get("format", "fullwidth")
                pieces.append(Piece("image", node.image, node.get("alt", ""), image_format))
            elif name == "wp-embed":
                flush()
                pieces.append(Piece("embed", node["url"]))
            elif split_headings and name in HEADINGS:
                flush()
                if node.get_text(strip=True):
                    pieces.append(Piece("heading", plain_text(str(node))))
            else:
                chunk.append(str(node))
        flush()
        return pieces

    def render(self, piece: Piece) -> str:
        if piece.kind == "image":
            return (
                f'<embed alt="{escape(piece.alt)}" embedtype="image" format="{piece.format}" '
                f'id="{piece.value.pk}"/>'
            )
        if piece.kind == "embed":
            return f'<embed embedtype="media" url="{escape(piece.value)}"/>'
        return piece.value

    # Cleaning ------------------------------------------------------------

    def clean(self, html: str, keep_headings: bool) -> BeautifulSoup:
        soup = BeautifulSoup(markup.prepare(html or "", self.notes), "html.parser")
        self._drop_and_place(soup)
        self._lift_atomic(soup)
        for tag in reversed(soup.find_all(True)):
            self._fit(soup, tag, keep_headings)
        for tag in soup.find_all("p"):
            if not tag.get_text(strip=True) and not tag.find(["wp-image", "wp-embed"]):
                tag.decompose()
        self._wrap_inline_runs(soup)
        return soup

    def _drop_and_place(self, soup) -> None:
        """Comments and dropped elements out; iframes, embeds, galleries,
        images and document links become placeholders the field can take."""
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        for tag in soup.find_all(DROPPED):
            self.notes.append(f"<{tag.name}> element left out")
            tag.decompose()
        for tag in soup.find_all("iframe"):
            self._iframe(soup, tag)
        for tag in soup.find_all("figure", class_=re.compile("wp-block-embed")):
            url = markup.BARE_URL.match(tag.get_text(" ", strip=True))
            tag.replace_with(self._embed_tag(soup, url.group(1)) if url else "")
        for tag in soup.find_all("wp-gallery"):
            self._gallery(soup, tag)
        for tag in soup.find_all("img"):
            self._image(soup, tag)
        if "embed" not in self.features:
            for tag in soup.find_all("wp-embed"):
                self._embed_as_link(soup, tag)
        for tag in soup.find_all("a"):
            if tag.get_text(strip=True) or tag.find(["wp-image", "wp-embed"]):
                self._link(tag)
            else:
                tag.decompose()

    @staticmethod
    def _wrap_inline_runs(soup) -> None:
        """Text and inline elements left at the top level (from unwrapped
        containers) become paragraphs of their own."""
        run: list = []
        for node in [*soup.contents, None]:
            if node is not None and not (isinstance(node, Tag) and node.name in BLOCKS):
                run.append(node)
                continue
            if any(str(n).strip() for n in run):
                paragraph = soup.new_tag("p")
                run[0].insert_before(paragraph)
                for part in run:
                    paragraph.append(part.extract())
            run = []

    def _embed_tag(self, soup, url: str) -> Tag:
        return soup.new_tag("wp-embed", attrs={"url": url})

    def _iframe(self, soup, tag) -> None:
        url = embed_url(tag.get("src", ""))
        if url:
            tag.replace_with(self._embed_tag(soup, url))
        else:
            self.notes.append(f"<iframe> left out: {tag.get('src', '')}")
            tag.decompose()

    def _gallery(self, soup, tag) -> None:
        ids = [i.strip() for i in tag.get("ids", "").split(",") if i.strip()]
        images = [self.media.image_for_id(i) for i in ids]
        if "image" not in self.features or not ids or None in images:
            self.notes.append("shortcode [gallery] has no equivalent")
            paragraph = soup.new_tag("p")
            paragraph.string = tag.get("text", "[gallery]")
            tag.replace_with(paragraph)
            return
        placeholders = []
        for image in images:
            placeholder = soup.new_tag("wp-image", attrs={"alt": image.description})
            placeholder.image = image
            placeholders.append(placeholder)
        tag.replace_with(*placeholders)

    def _image(self, soup, tag) -> None:
        src = tag.get("src", "")
        if "image" not in self.features:
            self.notes.append(f"image not placed (the field takes no images): {src}")
            tag.decompose()
            return
        image = self.media.image_for_src(src)
        if image is None:
            self.notes.append(f"image not found among the imported files: {src}")
            tag.decompose()
            return
        parent = tag.parent
        placeholder = soup.new_tag("wp-image", attrs={"alt": tag.get("alt") or image.description})
        classes = tag.get("class") or []
        formats = {image_format.name for image_format in get_image_formats()}
        placeholder["format"] = next(
            (f for f in ("left", "right") if f"align{f}" in classes and f in formats), "fullwidth"
        )
        placeholder.image = image
        tag.replace_with(placeholder)
        # A link around an image (to its full size) has nothing left to say.
        if parent is not None and parent.name == "a" and not parent.get_text(strip=True):
            parent.unwrap()

    def _embed_as_link(self, soup, tag) -> None:
        url = tag["url"]
        self.notes.append(f"embed kept as a link (the field takes no embeds): {url}")
        paragraph = soup.new_tag("p")
        if "link" in self.features:
            link = soup.new_tag("a", href=url)
            link.string = url
            paragraph.append(link)
        else:
            paragraph.string = url
        tag.replace_with(paragraph)

    def _link(self, tag) -> None:
        document = self.media.document_for_href(tag.get("href", ""))
        if document is None:
            return
        if "document-link" in self.features:
            tag.attrs = {"linktype": "document", "id": str(document.pk)}
        else:
            tag.attrs = {"href": document.url}

    def _lift_atomic(self, soup) -> None:
        """Images and embeds are blocks of their own: move each out of the
        paragraph or list that holds it, keeping their order."""
        last_after: dict[int, Tag] = {}
        for tag in soup.find_all(["wp-image", "wp-embed"]):
            top = tag
            while top.parent is not None and top.parent is not soup:
                top = top.parent
            if top is tag:
                continue
            anchor = last_after.get(id(top), top)
            anchor.insert_after(tag.extract())
            last_after[id(top)] = tag

    def _fit(self, soup, tag, keep_headings: bool) -> None:
        """Make one element something the field's features allow."""
        name = tag.name
        if name in ("wp-image", "wp-embed"):
            return
        if name in HEADINGS:
            if not keep_headings:
                self._fit_heading(soup, tag)
        elif name == "li" and "li" not in self.allowed:
            tag.name = "p"
        elif name in CONTAINERS and not any(
            isinstance(child, Tag) and child.name in BLOCKS for child in tag.children
        ):
            self._fit_leaf_container(soup, tag)
        elif name not in self.allowed:
            if name in ("ul", "ol"):
                for item in tag.find_all("li", recursive=False):
                    item.name = "p"
            if name in CONTAINERS | {"blockquote", "ul", "ol"}:
                # Unwrapped blocks must not run into their neighbours' text.
                tag.insert_after(NavigableString(" "))
            tag.unwrap()

    def _fit_heading(self, soup, tag) -> None:
        """The nearest heading level the field allows, else a (bold) paragraph."""
        level = self._heading_level(int(tag.name[1]))
        if level:
            tag.name = level
        else:
            tag.name = "p"
            self._wrap_contents(soup, tag, "b" if "bold" in self.features else None)

    def _fit_leaf_container(self, soup, tag) -> None:
        """A div, figure or caption holding no blocks: a paragraph (a
        caption in italics), or nothing when it is empty."""
        if not tag.get_text(strip=True):
            tag.decompose()
            return
        if tag.name == "figcaption":
            self._wrap_contents(soup, tag, "i" if "italic" in self.features else None)
        tag.name = "p"

    def _heading_level(self, level: int) -> str:
        allowed = [n for n in range(1, 7) if f"h{n}" in self.features]
        if not allowed:
            return ""
        lower = [n for n in allowed if n <= level]
        return f"h{lower[-1] if lower else allowed[0]}"

    @staticmethod
    def _wrap_contents(soup, tag, wrapper: str | None) -> None:
        if wrapper is None:
            return
        inner = soup.new_tag(wrapper)
        for child in list(tag.contents):
            inner.append(child.extract())
        tag.append(inner)


def media_path(url: str) -> str:
    """The part of an upload's URL after ``/uploads/`` (``2023/02/a.jpg``),
    or "" when the URL is not an upload."""
    path = urlparse(url).path
    marker = path.find("/uploads/")
    return path[marker + len("/uploads/") :] if marker != -1 else ""


def original_path(path: str) -> str:
    """``a-300x200.jpg`` and ``a-scaled.jpg`` are sizes of ``a.jpg``."""
    path = SIZE_SUFFIX.sub("", path)
    return re.sub(r"-scaled(?=\.\w+$)", "", path)
