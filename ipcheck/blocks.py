"""StreamField blocks of the IP self-check: questions with tagged options,
and guidance rules that fire on tags.

Keys and tags are the logic of the questionnaire, so they must read the same
in every language: they are ``RegexBlock`` values, which wagtail-localize
neither extracts nor translates (it copies them from the source page, like
choices, numbers and booleans). Questions, options, titles and advice are
``CharBlock``/``TextBlock`` and are translated. Page links stay links to the
English page and are shown in the visitor's language at render time."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

KEY_RE = r"^[a-z0-9][a-z0-9-]{0,49}$"
TAGS_RE = r"^\s*[a-z0-9][a-z0-9-]*(\s*[,\s]\s*[a-z0-9][a-z0-9-]*)*\s*$"
TAG_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")

KEY_HELP = _(
    "Lower-case letters, digits and hyphens. Not translated; keep it when you reword the text."
)
KEY_ERROR = _("Use lower-case letters, digits and hyphens only (at most 50).")
TAGS_ERROR = _("Tags are lower-case words with hyphens, separated by commas or spaces.")

RIGHTS = [
    ("copyright", _("Copyright")),
    ("designs", _("Designs")),
    ("trade-marks", _("Trade marks")),
    ("patents", _("Patents")),
    ("trade-secrets", _("Trade secrets and know-how")),
    ("contracts", _("Contracts and licences")),
    ("general", _("General")),
]
KINDS = [
    ("holding", _("What they probably hold")),
    ("risk", _("Risk")),
    ("action", _("Action")),
]
URGENCY = [
    ("1", _("Now")),
    ("2", _("Within three months")),
    ("3", _("Within a year")),
    ("4", _("Good practice")),
]


def parse_tags(value) -> frozenset[str]:
    return frozenset(TAG_WORD.findall(value or ""))


def _errors(**fields):
    return StructBlockValidationError(
        block_errors={name: ValidationError(message) for name, message in fields.items()}
    )


def key_block(**kwargs):
    return blocks.RegexBlock(
        regex=KEY_RE,
        label=_("Key"),
        help_text=KEY_HELP,
        error_messages={"invalid": KEY_ERROR},
        **kwargs,
    )


def tags_block(label, help_text, required=True):
    return blocks.RegexBlock(
        regex=TAGS_RE,
        label=label,
        help_text=help_text,
        required=required,
        error_messages={"invalid": TAGS_ERROR},
    )


class OptionBlock(blocks.StructBlock):
    key = key_block()
    label = blocks.CharBlock(label=_("Answer"), max_length=200)
    tags = tags_block(
        _("Tags"), _("Added to the visitor's profile when they choose this answer."), False
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    key = key_block()
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    help = blocks.TextBlock(label=_("Explanation"), required=False, max_length=600)
    multiple = blocks.BooleanBlock(
        label=_("Several answers allowed"), required=False, default=False
    )
    show_if = tags_block(
        _("Show only when"),
        _("Show this question only when an earlier answer carries one of these tags."),
        False,
    )
    new_step = blocks.BooleanBlock(
        label=_("Starts a new step"),
        required=False,
        default=True,
        help_text=_("Untick to show this question on the same step as the one before it."),
    )
    options = blocks.ListBlock(OptionBlock(), label=_("Answers"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        keys = [option["key"] for option in value["options"]]
        if len(keys) < 2:
            raise _errors(options=_("Give at least two answers."))
        if len(set(keys)) != len(keys):
            raise _errors(options=_("Two answers have the same key."))
        return value


class QuestionsBlock(blocks.StreamBlock):
    question = QuestionBlock()

    def clean(self, value):
        value = super().clean(value)
        # A condition may only use tags from earlier steps: without
        # JavaScript a step cannot change while the visitor fills it in.
        seen = set()
        earlier_steps, this_step = set(), set()
        errors = {}
        for number, child in enumerate(value):
            key = child.value["key"]
            if child.value["new_step"] or number == 0:
                earlier_steps |= this_step
                this_step = set()
            needed = parse_tags(child.value["show_if"])
            if key in seen:
                errors[number] = ValidationError(_("Another question has this key."))
            elif needed and not needed & earlier_steps:
                errors[number] = ValidationError(
                    _("No answer on an earlier step carries these tags, so it would never show.")
                )
            seen.add(key)
            for option in child.value["options"]:
                this_step |= parse_tags(option["tags"])
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class HelpDeskBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=150)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link-external"
        label = _("Help desk")


class RuleBlock(blocks.StructBlock):
    key = key_block()
    when = tags_block(_("When all of these tags"), _("The rule fires when every tag is present."))
    unless = tags_block(
        _("Unless one of these tags"), _("The rule does not fire when any is present."), False
    )
    kind = blocks.ChoiceBlock(choices=KINDS, default="action", label=_("Kind"))
    right = blocks.ChoiceBlock(choices=RIGHTS, default="general", label=_("Area"))
    urgency = blocks.ChoiceBlock(choices=URGENCY, default="3", label=_("Urgency"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    advice = blocks.TextBlock(label=_("Advice"), max_length=2000)
    guidelines = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="knowledgebase.GuidelinePage"),
        label=_("Guidelines"),
        default=[],
    )
    modules = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="learning.LearningModulePage"),
        label=_("Learning modules"),
        default=[],
    )
    help_desks = blocks.ListBlock(HelpDeskBlock(), label=_("Official help desks"), default=[])

    class Meta:
        icon = "tick-inverse"
        label = _("Guidance rule")


class RulesBlock(blocks.StreamBlock):
    rule = RuleBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        errors = {}
        for number, child in enumerate(value):
            if child.value["key"] in seen:
                errors[number] = ValidationError(_("Another rule has this key."))
            seen.add(child.value["key"])
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
