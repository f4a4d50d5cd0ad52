"""Demo step: the ESCO concepts the demo defines (learning/demo_data, in
ESCO's CSV format, loaded through the importer), the /learning/ index,
10 modules and 3 paths in all seven languages."""

from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.models import Collection

from core.demo_content import read, taxonomy
from core.demo_tools import ensure_page
from core.languages import CODES
from core.models import SiteDocument
from home.models import HomePage
from learning import esco_import
from learning.models import (
    LearningIndexPage,
    LearningModulePage,
    LearningPathModule,
    LearningPathPage,
    Occupation,
    Skill,
)

DATA = Path(__file__).resolve().parent / "demo_data"
ESCO = "http://data.europa.eu/esco/"
LANGUAGES = list(CODES)


def load_esco(stdout=None):
    plan = esco_import.read(esco_import.Source(DATA), LANGUAGES, None, log=lambda _m: None)
    return esco_import.write(plan, log=lambda _m: None)


def _teacher_guide():
    guide = read("teacher_notes")
    document = SiteDocument.objects.filter(title=guide["title"]).first()
    if document is None:
        document = SiteDocument(
            title=guide["title"], collection=Collection.get_first_root_node(), file_language="en"
        )
        document.file.save(guide["filename"], ContentFile(guide["text"].encode()), save=False)
        document.save()
    elif document.file_language != "en":
        document.file_language = "en"
        document.save()
    return document


def _lessons(spec, labels):
    return [
        ("text", f"<p>{spec['lesson']}</p>"),
        (
            "exercise",
            {
                "title": labels["exercise_title"],
                "instructions": f"<p>{spec['exercise']}</p>",
                "minutes": 20,
            },
        ),
        (
            "quiz",
            {
                "title": labels["quiz_title"],
                "questions": [
                    {
                        "question": spec["statement"],
                        "options": [labels["true"], labels["false"]],
                        "correct": spec["correct"],
                        "explanation": "",
                    }
                ],
            },
        ),
    ]


def load(context):
    load_esco()
    context.step("ESCO demo concepts: 5 occupations, 14 skills, 7 languages")
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    labels = read("learning_index")
    index = ensure_page(
        home,
        LearningIndexPage,
        "learning",
        title=labels["title"],
        summary=labels["summary"],
        intro=f"<p>{labels['intro']}</p>",
        show_in_menus=True,
    )
    context.translate(index)
    guide = _teacher_guide()

    modules = {}
    for spec in read("learning_modules"):
        objectives = [spec["objective_1"], spec["objective_2"]]
        page = ensure_page(
            index,
            LearningModulePage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            objectives="<ul>" + "".join(f"<li>{o}</li>" for o in objectives) + "</ul>",
            level=spec["level"],
            duration_minutes=spec["minutes"],
            **taxonomy(spec),
            skills=list(
                Skill.objects.filter(uri__in=[ESCO + "skill/" + u for u in spec["skills"]])
            ),
            lessons=_lessons(spec, labels),
            teacher_downloads=[
                (
                    "download",
                    {
                        "document": guide,
                        "title": labels["teacher_guide_link"],
                        "note": labels["teacher_note"],
                    },
                )
            ],
        )
        context.translate(page)
        modules[spec["slug"]] = page
    context.step(f"{len(modules)} learning modules")

    paths = {}
    for spec in read("learning_paths"):
        steps = [modules[slug].pk for slug in spec["modules"]]
        existing = LearningPathPage.objects.filter(slug=spec["slug"], locale=index.locale).first()
        same_steps = existing is not None and steps == list(
            existing.path_modules.order_by("sort_order", "pk").values_list("module_id", flat=True)
        )
        step_field = (
            {}
            if same_steps
            else {
                "path_modules": [
                    LearningPathModule(module_id=pk, sort_order=i) for i, pk in enumerate(steps)
                ]
            }
        )
        page = ensure_page(
            index,
            LearningPathPage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            intro=f"<p>{spec['intro']}</p>",
            **step_field,
            prerequisites=[paths[slug] for slug in spec["prerequisites"]],
            target_occupations=list(
                Occupation.objects.filter(
                    uri__in=[ESCO + "occupation/" + u for u in spec["occupations"]]
                )
            ),
            **taxonomy(spec),
        )
        context.translate(page)
        paths[spec["slug"]] = page
    context.step(f"{len(paths)} learning paths")
