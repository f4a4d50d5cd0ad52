"""Fixtures for the learning tests: the small ESCO fixture set, a learning
index, and helpers that make modules and paths."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from core.models import Theme
from core.translation import translate_object
from learning.models import (
    LearningIndexPage,
    LearningModulePage,
    LearningPathModule,
    LearningPathPage,
    Occupation,
    Skill,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "esco"
ESCO = "http://data.europa.eu/esco/"


def occupation_uri(n: int) -> str:
    return f"{ESCO}occupation/0f000000-0000-4000-8000-00000000000{n}"


def skill_uri(n: int) -> str:
    return f"{ESCO}skill/5c000000-0000-4000-8000-00000000000{n}"


@pytest.fixture
def esco_dir():
    return FIXTURES


@pytest.fixture
def esco(db):
    """The fixture set imported in English and German, every ISCO group."""
    return import_esco_set()


def import_esco_set() -> dict:
    call_command("import_esco", str(FIXTURES), "--languages", "en,de", "--all", verbosity=0)
    return {
        "occupations": {n: Occupation.objects.get(uri=occupation_uri(n)) for n in (1, 2, 3)},
        "skills": {n: Skill.objects.get(uri=skill_uri(n)) for n in range(1, 9)},
    }


@pytest.fixture
def index(home):
    page = LearningIndexPage(title="Learning", slug="learning", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


QUIZ = {
    "title": "Check yourself",
    "questions": [
        {
            "question": "Is this a question?",
            "options": ["Yes", "No"],
            "correct": 1,
            "explanation": "",
        }
    ],
}


def make_module(parent, slug, minutes=60, skills=(), level="introductory", **fields):
    page = LearningModulePage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        slug=slug,
        objectives="<ul><li>Do a thing</li></ul>",
        duration_minutes=minutes,
        level=level,
        lessons=fields.pop("lessons", [("text", "<p>Read this.</p>"), ("quiz", QUIZ)]),
        **fields,
    )
    parent.add_child(instance=page)
    page.skills.set(list(skills))
    page.save_revision().publish()
    return LearningModulePage.objects.get(pk=page.pk)


def make_path(parent, slug, modules, **fields):
    page = LearningPathPage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        slug=slug,
        path_modules=[LearningPathModule(module=m, sort_order=i) for i, m in enumerate(modules)],
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return LearningPathPage.objects.get(pk=page.pk)


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page (or snippet) into a language, publishing it."""

    def run(instance, code, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            result = translate_object(instance, code, strings or {})
        return result.__class__.objects.get(pk=result.pk)

    return run


@pytest.fixture
def theme_en(db):
    return Theme.objects.get(locale__language_code="en", slug="finance")


HIERARCHY = Path(__file__).resolve().parent / "fixtures" / "esco_hierarchy"


def group_uri(n: int) -> str:
    return f"{ESCO}skill/6a000000-0000-4000-8000-00000000000{n}"


@pytest.fixture
def esco_tree_dir(tmp_path):
    """The fixture set plus ESCO's skills hierarchy, skill groups (English
    only) and transversal collection: skill 9 "sketch ideas" is narrower
    than 1 "think creatively" and broader than 2 "design graphics"; 1 sits
    in group 2 "thinking creatively", in group 1 "thinking skills"."""
    target = tmp_path / "esco-tree"
    shutil.copytree(FIXTURES, target)
    for extra in HIERARCHY.iterdir():
        if extra.suffix == ".extra":
            with open(target / f"{extra.stem}.csv", "a", encoding="utf-8") as out:
                out.write(extra.read_text(encoding="utf-8"))
        else:
            shutil.copy(extra, target / extra.name)
    return target


@pytest.fixture
def esco_tree(db, esco_tree_dir):
    call_command("import_esco", str(esco_tree_dir), "--languages", "en,de", "--all", verbosity=0)
    return {
        "occupations": {n: Occupation.objects.get(uri=occupation_uri(n)) for n in (1, 2, 3)},
        "skills": {n: Skill.objects.get(uri=skill_uri(n)) for n in (*range(1, 10),)},
        "groups": {n: Skill.objects.get(uri=group_uri(n)) for n in (1, 2)},
    }
