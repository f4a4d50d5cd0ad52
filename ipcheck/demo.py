"""Demo step: the IP self-check at /<lang>/ip-check/, twelve questions and
sixteen guidance rules for a small creative business, in seven languages
(text in ipcheck/demo_data/*.yaml, written for this project)."""

from pathlib import Path

import yaml

from core.demo_tools import ensure_page
from home.models import HomePage
from ipcheck.models import IPCheckPage

DATA = Path(__file__).resolve().parent / "demo_data"


def _read(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _collect(table, text):
    """Add ``{en: ..., de: ...}`` to the translation table; return English."""
    table.setdefault(text["en"], {}).update({k: v for k, v in text.items() if k != "en"})
    return text["en"]


def _pages(model, slugs):
    pages = []
    for slug in slugs or []:
        page = model.objects.filter(slug=slug, locale__language_code="en").first()
        if page is not None:
            pages.append(page)
    return pages


def build(table):
    """The English StreamField data of questions and rules, filling ``table``."""
    from knowledgebase.models import GuidelinePage
    from learning.models import LearningModulePage

    questions = []
    for spec in _read("questions.yaml"):
        questions.append(
            (
                "question",
                {
                    "key": spec["key"],
                    "question": _collect(table, spec["text"]),
                    "help": "",
                    "multiple": bool(spec.get("multiple")),
                    "show_if": spec.get("show_if", ""),
                    "new_step": spec.get("new_step", True),
                    "options": [
                        {
                            "key": str(option["key"]),
                            "label": _collect(table, option["label"]),
                            "tags": option["tags"],
                        }
                        for option in spec["options"]
                    ],
                },
            )
        )
    rules = []
    for spec in _read("rules.yaml"):
        rules.append(
            (
                "rule",
                {
                    "key": spec["key"],
                    "when": spec["when"],
                    "unless": spec.get("unless", ""),
                    "kind": spec["kind"],
                    "right": spec["right"],
                    "urgency": str(spec["urgency"]),
                    "title": _collect(table, spec["title"]),
                    "advice": _collect(table, spec["advice"]),
                    "guidelines": _pages(GuidelinePage, spec.get("guidelines")),
                    "modules": _pages(LearningModulePage, spec.get("modules")),
                    "help_desks": [{"name": n, "url": u} for n, u in spec.get("help_desks", [])],
                },
            )
        )
    return questions, rules


def load(context):
    page_text = _read("page.yaml")
    table = {}
    questions, rules = build(table)
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    page = ensure_page(
        home,
        IPCheckPage,
        page_text["slug"],
        title=_collect(table, page_text["title"]),
        summary=_collect(table, page_text["summary"]),
        intro=f"<p>{_collect(table, page_text['intro'])}</p>",
        result_note=f"<p>{_collect(table, page_text['result_note'])}</p>",
        questions=questions,
        rules=rules,
        show_in_menus=True,
    )
    context.step(f"IP self-check: {len(questions)} questions, {len(rules)} rules")
    context.translate(page, table)
    return page
