"""What a WordPress post or page becomes: the page types, and how each is
filled from an item.

Bodies go into each type's own fields with that field's features: a news
item's body takes headings, lists and links; a policy paper's body is a
stream of headings and paragraphs; a guideline's steps start at headings; a
case story's images go to its gallery; a content page takes everything.
"""

from dataclasses import dataclass
from html import escape

from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.models import Audience, Sector, Theme
from home.models import ContentPage
from knowledgebase.models import (
    CaseStoryIndexPage,
    CaseStoryPage,
    GuidelineIndexPage,
    GuidelinePage,
    NewsIndexPage,
    NewsPage,
    PolicyPaperAuthor,
    PolicyPaperIndexPage,
    PolicyPaperPage,
)

from .richtext import Converter, field_features, plain_text, shorten

MODELS = {
    "news": NewsPage,
    "policy_paper": PolicyPaperPage,
    "case_story": CaseStoryPage,
    "guideline": GuidelinePage,
    "page": ContentPage,
}
INDEXES = {
    "news": NewsIndexPage,
    "policy_paper": PolicyPaperIndexPage,
    "case_story": CaseStoryIndexPage,
    "guideline": GuidelineIndexPage,
}
TAXONOMY_MODELS = {"themes": Theme, "sectors": Sector, "audiences": Audience}
SUMMARY_WORDS = 55  # WordPress's own automatic excerpt length


@dataclass
class Content:
    """One item's content, ready to be put into a page."""

    title: str
    html: str
    excerpt: str
    date: object  # datetime.date or None
    author: str
    featured: tuple | None  # (image, alt text)
    taxonomy: dict[str, list[str]] | None  # None: keep the page's own (translations)


def fill(page, kind: str, content: Content, media, notes: list[str]) -> None:
    page.title = shorten(plain_text(content.title), 255)
    excerpt = plain_text(content.excerpt)
    words = plain_text(content.html).split()
    page.summary = shorten(excerpt or " ".join(words[:SUMMARY_WORDS]), 600)
    if content.date is not None and hasattr(page, "date"):
        page.date = content.date
    FILLERS[kind](page, content, media, notes)
    if kind != "page" and content.taxonomy is not None:
        # Terms of the default locale; saving the page points them at its own
        # locale (core.localization.relations).
        locale = Locale.get_default()
        for name, model in TAXONOMY_MODELS.items():
            slugs = content.taxonomy.get(name, [])
            terms = model.objects.filter(locale=locale, slug__in=slugs) if slugs else []
            setattr(page, name, list(terms))


def converter(model, field_name: str, media, notes, extra=()) -> Converter:
    features = field_features(model._meta.get_field(field_name))
    return Converter([*features, *extra], media, notes)


def block_converter(block, media, notes) -> Converter:
    return Converter(field_features(block), media, notes)


def _lead_image(content: Content, features: set[str], notes: list[str], what: str):
    if content.featured is None:
        return None
    if "image" in features:
        return content.featured
    notes.append(f"featured image not placed ({what} takes no images)")
    return None


def fill_news(page, content, media, notes):
    body = converter(NewsPage, "body", media, notes)
    lead = _lead_image(content, body.features, notes, "a news item")
    page.body = body.richtext(content.html, lead_image=lead)


def fill_content_page(page, content, media, notes):
    body = converter(ContentPage, "body", media, notes)
    page.intro = f"<p>{escape(plain_text(content.excerpt))}</p>" if content.excerpt else ""
    lead = _lead_image(content, body.features, notes, "a content page")
    page.body = body.richtext(content.html, lead_image=lead)


def fill_policy_paper(page, content, media, notes):
    paragraph = PolicyPaperPage.body.field.stream_block.child_blocks["paragraph"]
    pieces = block_converter(paragraph, media, notes).pieces(content.html)
    # The abstract is required: the excerpt, else the summary made from the body.
    page.abstract = f"<p>{escape(page.summary or page.title)}</p>"
    page.body = [
        ("heading", p.value[:200]) if p.kind == "heading" else ("paragraph", RichText(p.value))
        for p in pieces
        if p.kind in ("heading", "html")
    ]
    _lead_image(content, set(), notes, "a policy paper")
    authors = list(page.authors.all())
    if content.author and [a.name for a in authors] != [content.author]:
        page.authors = [PolicyPaperAuthor(name=content.author[:200], sort_order=0)]


def fill_case_story(page, content, media, notes):
    # The story's text goes to "what was done"; its images to the gallery.
    text = converter(CaseStoryPage, "approach", media, notes, extra=["image"])
    pieces = text.pieces(content.html, split_headings=False)
    page.approach = "".join(p.value for p in pieces if p.kind == "html")
    images = [content.featured] if content.featured else []
    images += [(p.value, p.alt) for p in pieces if p.kind == "image"]
    page.images = [
        ("image", {"image": image, "alt_text": alt or image.title, "decorative": False})
        for image, alt in images
    ]


def fill_guideline(page, content, media, notes):
    # Each heading starts a step; text before the first heading is a step
    # named after the guideline.
    text_block = GuidelinePage.steps.field.stream_block.child_blocks["step"].child_blocks["text"]
    steps: list[dict] = []
    for piece in block_converter(text_block, media, notes).pieces(content.html):
        if piece.kind == "heading":
            steps.append({"title": piece.value[:200], "text": []})
        elif piece.kind == "html":
            if not steps:
                steps.append({"title": page.title[:200], "text": []})
            steps[-1]["text"].append(piece.value)
    _lead_image(content, set(), notes, "a guideline")
    page.steps = [
        ("step", {"title": s["title"], "text": RichText("".join(s["text"])), "checklist": []})
        for s in steps
    ]


FILLERS = {
    "news": fill_news,
    "policy_paper": fill_policy_paper,
    "case_story": fill_case_story,
    "guideline": fill_guideline,
    "page": fill_content_page,
}
