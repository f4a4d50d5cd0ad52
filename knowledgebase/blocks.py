"""StreamField blocks of the knowledge base. Each validates itself."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH = ["bold", "italic", "link", "ol", "ul"]


class HighlightBlock(blocks.StructBlock):
    """A key finding or a recommendation: a short title and its explanation."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH)

    class Meta:
        icon = "pick"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=800)
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=160)
    role = blocks.CharBlock(label=_("Role or organisation"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        template = "knowledgebase/blocks/quote.html"

    def clean(self, value):
        value = super().clean(value)
        if value["quote"].strip().strip("\"'“”«»„") == "":
            raise StructBlockValidationError(
                {"quote": ValidationError(_("A quote needs words, not only quotation marks."))}
            )
        return value


class StepBlock(blocks.StructBlock):
    """One step of a guideline, with an optional checklist."""

    title = blocks.CharBlock(label=_("Step title"), max_length=200)
    text = blocks.RichTextBlock(label=_("What to do"), features=RICH)
    checklist = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Checklist"),
        required=False,
        default=[],
    )

    class Meta:
        icon = "list-ol"

    def clean(self, value):
        value = super().clean(value)
        items = [str(item).strip().casefold() for item in value["checklist"]]
        if len(items) != len(set(items)):
            raise StructBlockValidationError(
                {"checklist": ValidationError(_("Each checklist item should appear once."))}
            )
        return value


class PaperBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, icon="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH)
    finding = HighlightBlock(label=_("Key finding"))
    recommendation = HighlightBlock(label=_("Recommendation"))
    quote = QuoteBlock(label=_("Quote"))


class StepsBlock(blocks.StreamBlock):
    step = StepBlock(label=_("Step"))


class QuotesBlock(blocks.StreamBlock):
    quote = QuoteBlock(label=_("Quote"))


class GalleryBlock(blocks.StreamBlock):
    image = ImageBlock(label=_("Image"))


class DocumentLinkBlock(blocks.StructBlock):
    """A downloadable file with a link title of its own: the title is page
    text, so wagtail-localize offers it for translation with the page (the
    document's own title stays in the file's language)."""

    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(
        label=_("Link title"),
        max_length=255,
        required=False,
        default="",
        help_text=_("What the link says. Leave empty to show the document's title."),
    )

    class Meta:
        icon = "doc-full"

    @staticmethod
    def _upgrade(value):
        # Before link titles, the block stored only the document's id.
        return {"document": value} if isinstance(value, int) or value is None else value

    def to_python(self, value):
        return super().to_python(self._upgrade(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([self._upgrade(value) for value in values])
