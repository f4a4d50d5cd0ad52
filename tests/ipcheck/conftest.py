"""A small IP check: 4 questions in 3 steps, one hidden unless a tag was
chosen, and rules of every kind."""

import pytest

from core.demo_tools import ensure_page
from ipcheck.models import IPCheckPage
from knowledgebase.models import GuidelineIndexPage
from tests.knowledgebase.conftest import make_guideline


def q(key, text, options, *, multiple=False, show_if="", new_step=True, help=""):
    return (
        "question",
        {
            "key": key,
            "question": text,
            "help": help,
            "multiple": multiple,
            "show_if": show_if,
            "new_step": new_step,
            "options": [{"key": k, "label": label, "tags": tags} for k, label, tags in options],
        },
    )


def rule(
    key, when, kind, title, *, right="general", urgency="3", unless="", guidelines=(), desks=()
):
    return (
        "rule",
        {
            "key": key,
            "when": when,
            "unless": unless,
            "kind": kind,
            "right": right,
            "urgency": urgency,
            "title": title,
            "advice": f"Advice for {title}.",
            "guidelines": list(guidelines),
            "modules": [],
            "help_desks": [{"name": n, "url": u} for n, u in desks],
        },
    )


QUESTIONS = [
    q(
        "work",
        "What do you make?",
        [
            ("designs", "Designs", "makes-designs"),
            ("music", "Music", "makes-works"),
            ("other", "Other", ""),
        ],
    ),
    q(
        "brand",
        "Do you trade under a name?",
        [("yes", "Yes", "has-brand"), ("no", "No", "no-brand")],
        new_step=False,
    ),
    q(
        "registered",
        "Is your name registered as a trade mark?",
        [("yes", "Yes", "tm-registered"), ("no", "No", "tm-unregistered")],
        show_if="has-brand",
    ),
    q(
        "team",
        "Who works with you?",
        [
            ("staff", "Employees", "has-staff, has-team"),
            ("freelancers", "Freelancers", "has-freelancers has-team"),
            ("solo", "Only me", "solo"),
        ],
        multiple=True,
    ),
]


def rules(guideline=None):
    return [
        rule("hold-designs", "makes-designs", "holding", "Your designs", right="designs"),
        rule("hold-brand", "has-brand", "holding", "Your trade name", right="trade-marks"),
        rule("hold-works", "makes-works", "holding", "Your music", right="copyright"),
        rule(
            "register-mark",
            "has-brand tm-unregistered",
            "action",
            "Register your trade mark",
            urgency="2",
            guidelines=[guideline] if guideline else [],
            desks=[("EUIPO", "https://euipo.europa.eu/")],
        ),
        rule("team-contracts", "has-team", "action", "Sign IP clauses with your team", urgency="1"),
        rule("records", "makes-designs", "action", "Keep dated records", urgency="4"),
        rule(
            "solo-risk",
            "solo",
            "risk",
            "Nobody checks your contracts",
            urgency="3",
            unless="has-team",
        ),
    ]


@pytest.fixture
def guideline(home):
    index = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    return make_guideline(index, title="Protect your brand")


@pytest.fixture
def check_page(home, guideline):
    return ensure_page(
        home,
        IPCheckPage,
        "ip-check",
        title="IP self-check",
        summary="Where does your IP stand?",
        intro="<p>Answer a short questionnaire about your creative business.</p>",
        questions=QUESTIONS,
        rules=rules(guideline),
        result_note="<p>This is no legal advice.</p>",
    )


def answer(client, page, step, action="next", **answers):
    data = {"step": str(step), "action": action}
    for key, value in answers.items():
        data[f"q-{key}"] = value
    return client.post(page.url, data)


def complete(client, page, registered="no", team=("staff",)):
    answer(client, page, 1, work="designs", brand="yes")
    answer(client, page, 2, registered=registered)
    return answer(client, page, 3, team=list(team))
