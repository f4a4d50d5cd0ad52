"""What WordPress adds to HTML: Gutenberg block comments, shortcodes and
the paragraphs that ``wpautop`` makes from blank lines at display time.

Each function takes the post's content and a ``notes`` list to which it adds
what it could not carry over (kept as text for an editor to look at)."""

import re
from html import escape

# <!-- wp:paragraph {"align":"center"} -->, <!-- /wp:paragraph -->, and the
# self-closing form of dynamic blocks, <!-- wp:latest-posts /-->.
BLOCK_COMMENT = re.compile(
    r"<!--\s*(?P<closing>/?)wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
    r"(?P<attrs>\s+\{.*?\})?\s*(?P<selfclosing>/?)-->",
    re.DOTALL,
)

# WordPress's own shortcode pattern (get_shortcode_regex) for any name:
# [[escaped]], [name attrs], [name attrs /], [name attrs]content[/name].
SHORTCODE = re.compile(
    r"\[(?P<open>\[?)(?P<name>[A-Za-z_][\w-]*)(?![\w-])"
    r"(?P<attrs>[^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(?P<selfclosing>/)\]|\](?:(?P<content>[^\[]*(?:\[(?!/(?P=name)\])[^\[]*)*)"
    r"(?P<closing>\[/(?P=name)\]))?)"
    r"(?P<close>\]?)"
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
# Shortcodes of WordPress itself; others count as shortcodes when they look
# like one (attributes or a closing tag), so "[sic]" stays plain text.
CORE_SHORTCODES = {"audio", "video", "playlist", "embed", "caption", "wp_caption", "gallery"}

BLOCK_TAG = re.compile(
    r"^\s*<(?:address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|"
    r"footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|script|section|style|table|ul|"
    r"wp-embed|wp-gallery)\b",
    re.IGNORECASE,
)
BARE_URL = re.compile(r"^\s*(https?://[^\s<>\"']+)\s*$")


def is_block_content(html: str) -> bool:
    """Content written in the block editor (which has no wpautop)."""
    return "<!-- wp:" in html


def strip_block_comments(html: str, notes: list[str]) -> str:
    """Drop the comments around blocks whose HTML is in the content; keep
    self-closing (dynamic) blocks, which have no HTML, as visible text."""

    def replace(match):
        if match.group("selfclosing"):
            notes.append(f"Gutenberg block wp:{match.group('name')} has no equivalent")
            return f"<p>{escape(match.group(0))}</p>"
        return ""

    return BLOCK_COMMENT.sub(replace, html)


def attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None)
        for m in ATTRIBUTE.finditer(text or "")
    }


def expand_shortcodes(html: str, notes: list[str]) -> str:
    """[caption] becomes a figure, [embed] and [gallery] placeholders that
    the rich-text step resolves; others stay as text and are noted."""

    def replace(match):
        whole = match.group(0)
        if match.group("open") and match.group("close"):
            return whole[1:-1]  # [[name]] is how WordPress writes a literal [name]
        name = match.group("name").lower()
        attrs = attributes(match.group("attrs"))
        content = match.group("content") or ""
        if name in ("caption", "wp_caption"):
            caption = attrs.get("caption", "")
            if content.lstrip().startswith("<"):
                # The image (possibly inside a link) comes first, the caption after it.
                end = _end_of_image(content)
                image, rest = content[:end], content[end:]
            else:
                image, rest = "", content
            caption = caption or rest.strip()
            return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"
        if name == "embed":
            return f'<wp-embed url="{escape(content.strip())}"></wp-embed>'
        if name == "gallery":
            ids = escape(attrs.get("ids", ""))
            return f'<wp-gallery ids="{ids}" text="{escape(whole)}"></wp-gallery>'
        if name in CORE_SHORTCODES or attrs or match.group("closing"):
            notes.append(f"shortcode [{name}] has no equivalent")
        return whole

    return SHORTCODE.sub(replace, html)


def _end_of_image(content: str) -> int:
    """Where the leading <img> (or <a><img></a>) of a caption ends."""
    lowered = content.lower()
    start = len(content) - len(content.lstrip())
    if lowered.startswith("<a", start):
        end = lowered.find("</a>", start)
        return end + 4 if end != -1 else len(content)
    end = content.find(">", start)
    return end + 1 if end != -1 else len(content)


def autop(html: str) -> str:
    """WordPress's ``wpautop`` in short: blank lines separate paragraphs,
    single newlines are line breaks, and a URL alone on its line is an
    embed (oEmbed)."""
    html = html.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", html)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        url = BARE_URL.match(chunk)
        if url:
            out.append(f'<wp-embed url="{escape(url.group(1))}"></wp-embed>')
        elif BLOCK_TAG.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br/>") + "</p>")
    return "\n".join(out)


def prepare(html: str, notes: list[str]) -> str:
    """The post's content as HTML with placeholders, ready for cleaning."""
    blocks = is_block_content(html)
    html = strip_block_comments(html, notes)
    html = expand_shortcodes(html, notes)
    return html if blocks else autop(html)
