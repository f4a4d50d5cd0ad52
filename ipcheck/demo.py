"""Demo step: the IP self-check at /<lang>/ip-check/, twelve questions and
sixteen guidance rules for a small creative business, in seven languages
(text in demo/content/ipcheck_*.yaml, written for this project)."""

from core.demo_content import read
from core.demo_tools import ensure_page
from home.models import HomePage
from ipcheck.models import IPCheckPage


def _pages(model, slugs):
    pages = []
    for slug in slugs or []:
        page = model.objects.filter(slug=slug, locale__language_code="en").first()
        if page is not None:
            pages.append(page)
    return pages


def build():
    """The English StreamField data of questions and rules."""
    from knowledgebase.models import GuidelinePage
    from learning.models import LearningModulePage

    questions = []
    for spec in read("ipcheck_questions"):
        questions.append(
            (
                "question",
                {
                    "key": spec["key"],
                    "question": spec["text"],
                    "help": "",
                    "multiple": bool(spec.get("multiple")),
                    "show_if": spec.get("show_if", ""),
                    "new_step": spec.get("new_step", True),
                    "options": [
                        {
                            "key": str(option["key"]),
                            "label": option["label"],
                            "tags": option["tags"],
                        }
                        for option in spec["options"]
                    ],
                },
            )
        )
    rules = []
    for spec in read("ipcheck_rules"):
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
                    "title": spec["title"],
                    "advice": spec["advice"],
                    "guidelines": _pages(GuidelinePage, spec.get("guidelines")),
                    "modules": _pages(LearningModulePage, spec.get("modules")),
                    "help_desks": [{"name": n, "url": u} for n, u in spec.get("help_desks", [])],
                },
            )
        )
    return questions, rules


def load(context):
    page_text = read("ipcheck_page")
    questions, rules = build()
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    page = ensure_page(
        home,
        IPCheckPage,
        page_text["slug"],
        title=page_text["title"],
        summary=page_text["summary"],
        intro=f"<p>{page_text['intro']}</p>",
        result_note=f"<p>{page_text['result_note']}</p>",
        questions=questions,
        rules=rules,
        show_in_menus=True,
    )
    context.step(f"IP self-check: {len(questions)} questions, {len(rules)} rules")
    context.translate(page)
    return page
