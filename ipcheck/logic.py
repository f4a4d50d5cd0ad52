"""The questionnaire as plain data: steps, branching, and which rules fire.

Answers are ``{question key: [option key, ...]}``. A question is visible when
it has no condition, or when an answer to an *earlier visible* question
carries one of its tags; answers to hidden questions count for nothing."""

from dataclasses import dataclass, field

from ipcheck.blocks import RIGHTS, parse_tags


@dataclass
class Option:
    key: str
    label: str
    tags: frozenset


@dataclass
class Question:
    key: str
    text: str
    help: str
    multiple: bool
    show_if: frozenset
    options: list
    step: int = 0

    def option_keys(self):
        return {option.key for option in self.options}


@dataclass
class Rule:
    key: str
    when: frozenset
    unless: frozenset
    kind: str
    right: str
    urgency: int
    title: str
    advice: str
    order: int
    guidelines: list = field(default_factory=list)
    modules: list = field(default_factory=list)
    help_desks: list = field(default_factory=list)
    pages: list = field(default_factory=list)  # the links, in the visitor's language

    def fires(self, tags) -> bool:
        return bool(self.when) and self.when <= tags and not self.unless & tags


class Questionnaire:
    def __init__(self, questions_stream):
        self.questions = []
        self.steps = []
        for child in questions_stream:
            value = child.value
            question = Question(
                key=value["key"],
                text=value["question"],
                help=value["help"] or "",
                multiple=bool(value["multiple"]),
                show_if=parse_tags(value["show_if"]),
                options=[
                    Option(o["key"], o["label"], parse_tags(o["tags"])) for o in value["options"]
                ],
            )
            if value["new_step"] or not self.steps:
                self.steps.append([])
            question.step = len(self.steps) - 1
            self.steps[-1].append(question)
            self.questions.append(question)
        self.by_key = {question.key: question for question in self.questions}

    def evaluate(self, answers):
        """(set of visible question keys, tags of the visible answers)."""
        visible, tags = set(), set()
        for question in self.questions:
            if question.show_if and not question.show_if & tags:
                continue
            visible.add(question.key)
            chosen = set(answers.get(question.key, ()))
            for option in question.options:
                if option.key in chosen:
                    tags |= option.tags
        return visible, frozenset(tags)

    def clean_answers(self, answers):
        """Only the answers to visible questions, with options that exist."""
        visible, _tags = self.evaluate(answers)
        clean = {}
        for key in visible:
            chosen = [k for k in answers.get(key, ()) if k in self.by_key[key].option_keys()]
            if chosen:
                clean[key] = chosen
        return clean

    def possible_steps(self, answers):
        """The steps the visitor may still see: visible ones, and those whose
        condition an unanswered visible question could still meet. Counts
        the progress total, which then only shrinks as answers hide steps."""
        tags, open_tags, steps = set(), set(), []
        for question in self.questions:
            shown = not question.show_if or bool(question.show_if & tags)
            if not shown and not question.show_if & open_tags:
                continue  # hidden, whatever the open questions are answered
            if question.step not in steps:
                steps.append(question.step)
            chosen = set(answers.get(question.key, ()))
            for option in question.options:
                if shown and chosen:
                    if option.key in chosen:
                        tags |= option.tags
                else:
                    open_tags |= option.tags
        return steps

    def visible_steps(self, answers):
        visible, _tags = self.evaluate(answers)
        return [
            number
            for number, step in enumerate(self.steps)
            if any(question.key in visible for question in step)
        ]

    def frontier(self, answers):
        """The first visible step with an unanswered visible question, or None
        when the check is complete."""
        visible, _tags = self.evaluate(answers)
        for number in self.visible_steps(answers):
            for question in self.steps[number]:
                if question.key in visible and not answers.get(question.key):
                    return number
        return None

    def step_questions(self, number, answers):
        visible, _tags = self.evaluate(answers)
        return [question for question in self.steps[number] if question.key in visible]


def read_rules(rules_stream):
    rules = []
    for order, child in enumerate(rules_stream):
        value = child.value
        rules.append(
            Rule(
                key=value["key"],
                when=parse_tags(value["when"]),
                unless=parse_tags(value["unless"]),
                kind=value["kind"],
                right=value["right"],
                urgency=int(value["urgency"]),
                title=value["title"],
                advice=value["advice"],
                order=order,
                guidelines=[page for page in value["guidelines"] if page],
                modules=[page for page in value["modules"] if page],
                help_desks=[{"name": d["name"], "url": d["url"]} for d in value["help_desks"]],
            )
        )
    return rules


def profile(rules, tags):
    """What fires for ``tags``: holdings grouped by area (in the order of
    RIGHTS), risks and actions ranked by urgency (then the editors' order)."""
    fired = [rule for rule in rules if rule.fires(tags)]
    labels = dict(RIGHTS)
    holdings = []
    for right, _label in RIGHTS:
        items = [rule for rule in fired if rule.kind == "holding" and rule.right == right]
        if items:
            holdings.append({"right": right, "label": labels[right], "rules": items})

    def ranked(kind):
        return sorted(
            (rule for rule in fired if rule.kind == kind), key=lambda r: (r.urgency, r.order)
        )

    return {
        "fired": fired,
        "holdings": holdings,
        "risks": ranked("risk"),
        "actions": ranked("action"),
    }
