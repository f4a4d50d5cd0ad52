"""StreamField blocks for lessons and teacher material. Each block checks
itself in ``clean()`` so an editor sees the problem next to the field."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

RICH = ["bold", "italic", "link", "ol", "ul", "h3"]


def _errors(**fields):
    return StructBlockValidationError(
        block_errors={name: ValidationError(message) for name, message in fields.items()}
    )


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "learning/blocks/text.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube, Vimeo or PeerTube link."))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    transcript = blocks.RichTextBlock(label=_("Transcript"), required=False, features=RICH)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "learning/blocks/video.html"


def link_title_block():
    """The link's own title: page text, so it is translated with the page."""
    return blocks.CharBlock(
        label=_("Link title"),
        max_length=255,
        required=False,
        default="",
        help_text=_("What the link says. Leave empty to show the document's title."),
    )


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = link_title_block()
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "learning/blocks/document.html"


class ExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=RICH)
    minutes = blocks.IntegerBlock(label=_("Minutes"), required=False, min_value=1, max_value=600)
    solution = blocks.RichTextBlock(
        label=_("Model answer"), required=False, features=RICH, help_text=_("Shown on request.")
    )

    class Meta:
        icon = "edit"
        label = _("Exercise")
        template = "learning/blocks/exercise.html"

    def clean(self, value):
        value = super().clean(value)
        if not strip_tags(value["instructions"].source).strip():
            raise _errors(instructions=_("An exercise needs instructions."))
        return value


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("Option"), max_length=200), label=_("Options"), min_num=2
    )
    correct = blocks.IntegerBlock(
        label=_("Correct option"),
        min_value=1,
        help_text=_("The number of the right option: 1 for the first."),
    )
    explanation = blocks.CharBlock(label=_("Explanation"), required=False, max_length=400)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        options = [str(option).strip() for option in value["options"]]
        if len(options) < 2:
            raise _errors(options=_("Give at least two options."))
        if len(set(options)) != len(options):
            raise _errors(options=_("Two options are the same."))
        if not 1 <= value["correct"] <= len(options):
            raise _errors(correct=_("Choose a number between 1 and %(n)d.") % {"n": len(options)})
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "tick"
        label = _("Quiz")
        template = "learning/blocks/quiz.html"

    def clean(self, value):
        value = super().clean(value)
        if not value["questions"]:
            raise _errors(questions=_("A quiz needs at least one question."))
        return value


class LessonBlock(blocks.StreamBlock):
    text = TextBlock()
    video = VideoBlock()
    document = DocumentBlock()
    exercise = ExerciseBlock()
    quiz = QuizBlock()


class TeacherDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = link_title_block()
    note = blocks.CharBlock(
        label=_("What it is for"), required=False, max_length=250, help_text=_("For teachers.")
    )

    class Meta:
        icon = "download"
        label = _("Teacher download")
        template = "learning/blocks/teacher_download.html"


def check_answers(quiz_value, answers: dict[int, int]) -> list[dict]:
    """Mark a quiz: ``answers`` maps question index (0-based) to the chosen
    option (1-based). Returns one result per question."""
    results = []
    for index, question in enumerate(quiz_value["questions"]):
        chosen = answers.get(index)
        results.append(
            {
                "index": index,
                "question": question["question"],
                "chosen": chosen,
                "correct": question["correct"],
                "is_correct": chosen == question["correct"],
                "explanation": question["explanation"],
            }
        )
    return results
