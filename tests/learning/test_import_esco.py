import shutil
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from learning.models import (
    IscoGroup,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    Skill,
    SkillLabel,
)

from .conftest import FIXTURES, occupation_uri, skill_uri

pytestmark = pytest.mark.django_db

ESCO_TABLES = (IscoGroup, Occupation, Skill, OccupationSkill, OccupationLabel, SkillLabel)


def run(directory, *args):
    out, err = StringIO(), StringIO()
    call_command("import_esco", str(directory), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in ESCO_TABLES}


def copy_fixtures(tmp_path) -> Path:
    target = tmp_path / "esco"
    shutil.copytree(FIXTURES, target)
    return target


def test_default_keeps_creative_occupations_and_their_skills():
    out, err = run(FIXTURES)
    assert set(Occupation.objects.values_list("uri", flat=True)) == {
        occupation_uri(1),
        occupation_uri(2),
    }
    # Skills of the graphic and product designer only: not food safety, not the unused one.
    assert set(Skill.objects.values_list("uri", flat=True)) == {skill_uri(n) for n in range(1, 7)}
    assert OccupationSkill.objects.count() == 8
    assert "left out 1 occupations outside the selected ISCO groups" in out
    assert "unknown occupation (not in the occupations file)" in err
    assert "ESCO import done" in out


def test_all_imports_everything_with_hierarchy_and_types():
    run(FIXTURES, "--all")
    assert Occupation.objects.count() == 3
    assert Skill.objects.count() == 8
    assert OccupationSkill.objects.count() == 11
    designer = Occupation.objects.get(uri=occupation_uri(1))
    assert designer.isco_group.code == "2166"
    assert designer.isco_group.parent.code == "216"
    assert designer.isco_group.parent.parent.parent.code == "2"
    assert Occupation.objects.get(uri=occupation_uri(2)).broader == designer
    think = Skill.objects.get(uri=skill_uri(1))
    assert (think.skill_type, think.reuse_level) == ("skill/competence", "transversal")
    assert Skill.objects.get(uri=skill_uri(8)).reuse_level == ""
    essential = OccupationSkill.objects.get(occupation=designer, skill=think)
    assert essential.relation_type == "essential"
    label = OccupationLabel.objects.get(concept=designer, language="en")
    assert label.alternatives == ["visual designer", "graphic artist"]


def test_isco_groups_option_filters_by_prefix():
    run(FIXTURES, "--isco-groups", "2166")
    assert list(Occupation.objects.values_list("uri", flat=True)) == [occupation_uri(1)]
    assert Skill.objects.count() == 5
    Occupation.objects.all().delete()
    run(FIXTURES, "--isco-groups", "21")
    assert Occupation.objects.count() == 2


def test_labels_per_language_one_row_per_concept():
    run(FIXTURES, "--languages", "en,de")
    designer = Occupation.objects.get(uri=occupation_uri(1))
    assert Occupation.objects.filter(uri=occupation_uri(1)).count() == 1
    assert designer.label_row("de").preferred_label == "Grafikdesigner/Grafikdesignerin"
    assert designer.label_row("en").preferred_label == "graphic designer"
    # A language without labels falls back to English.
    assert designer.label_row("fr").preferred_label == "graphic designer"
    assert SkillLabel.objects.filter(language="de").count() == Skill.objects.count()


def test_only_english_by_default():
    run(FIXTURES)
    assert set(OccupationLabel.objects.values_list("language", flat=True)) == {"en"}


def test_idempotent_keyed_on_uris():
    run(FIXTURES, "--all", "--languages", "en,de")
    before = counts()
    ids = dict(Skill.objects.values_list("uri", "id"))
    out, _err = run(FIXTURES, "--all", "--languages", "en,de")
    assert counts() == before
    assert dict(Skill.objects.values_list("uri", "id")) == ids
    assert "relations: 0 new, 0 changed" in out
    assert "skills: 0 new, 0 changed" in out


def test_reimport_updates_changed_rows_and_drops_stale_relations(tmp_path):
    run(FIXTURES, "--all")
    directory = copy_fixtures(tmp_path)
    skills = directory / "skills_en.csv"
    skills.write_text(skills.read_text().replace("design graphics", "design visuals"))
    relations = directory / "occupationSkillRelations.csv"
    lines = relations.read_text().splitlines(keepends=True)
    # Typography becomes essential; manage budgets is no longer needed by the cook.
    text = "".join(lines).replace(
        "001,optional,knowledge," + skill_uri(5), "001,essential,knowledge," + skill_uri(5)
    )
    text = "".join(
        line
        for line in text.splitlines(keepends=True)
        if not (occupation_uri(3) in line and skill_uri(4) in line)
    )
    relations.write_text(text)
    run(directory, "--all")
    assert SkillLabel.objects.get(concept__uri=skill_uri(2), language="en").preferred_label == (
        "design visuals"
    )
    relation = OccupationSkill.objects.get(
        occupation__uri=occupation_uri(1), skill__uri=skill_uri(5)
    )
    assert relation.relation_type == "essential"
    assert not OccupationSkill.objects.filter(
        occupation__uri=occupation_uri(3), skill__uri=skill_uri(4)
    ).exists()
    assert Skill.objects.count() == 8


def test_reads_the_official_zip_files(tmp_path):
    directory = tmp_path / "download"
    directory.mkdir()
    with zipfile.ZipFile(directory / "esco-v1.1.1-classification-en-csv.zip", "w") as archive:
        for name in ("occupations_en.csv", "skills_en.csv", "ISCOGroups_en.csv"):
            archive.write(FIXTURES / name, name)
    with zipfile.ZipFile(directory / "esco-v1.1.1-relations-csv.zip", "w") as archive:
        for name in ("occupationSkillRelations.csv", "broaderRelationsOccPillar.csv"):
            archive.write(FIXTURES / name, f"relations/{name}")
    run(directory, "--all")
    assert Occupation.objects.count() == 3


def _replace(name, old, new):
    def mutate(directory):
        path = directory / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    return mutate


def _remove(name):
    return lambda directory: (directory / name).unlink()


def _append(name, row):
    def mutate(directory):
        with open(directory / name, "a", encoding="utf-8") as handle:
            handle.write(row)

    return mutate


BAD_INPUT = {
    "missing file": (_remove("skills_en.csv"), "missing file(s)"),
    "wrong header": (
        _replace("occupations_en.csv", "conceptUri", "conceptURI"),
        "wrong header, missing column(s) conceptUri",
    ),
    "extra field": (
        _append(
            "occupationSkillRelations.csv",
            f"{occupation_uri(1)},essential,knowledge,{skill_uri(1)},x\n",
        ),
        "broken row",
    ),
    "unterminated quote": (
        _append("skills_en.csv", 'KnowledgeSkillCompetence,"http://data.europa.eu/esco/skill/x'),
        "broken row",
    ),
    "bad relation type": (
        _append(
            "occupationSkillRelations.csv", f"{occupation_uri(1)},vital,knowledge,{skill_uri(1)}\n"
        ),
        "is not essential or optional",
    ),
    "unknown reuse level": (
        _replace("skills_en.csv", "cross-sector", "everywhere"),
        "unknown reuse level 'everywhere'",
    ),
    "bad ISCO group": (_replace("occupations_en.csv", ",2166,", ",21X6,"), "bad ISCO group"),
    "bad URI": (
        _replace("skills_en.csv", "http://data.europa.eu/esco/skill/5c", "nope/5c"),
        "bad skill URI",
    ),
    "empty file": (lambda d: (d / "ISCOGroups_en.csv").write_text(""), "is empty"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_is_a_clear_error_and_changes_nothing(tmp_path, case):
    run(FIXTURES)  # something already imported must stay as it was
    before = counts()
    labels = list(SkillLabel.objects.values_list("preferred_label", flat=True).order_by("id"))
    directory = copy_fixtures(tmp_path)
    mutate, message = BAD_INPUT[case]
    mutate(directory)
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run(directory, "--all")
    assert message in str(error.value)
    assert counts() == before
    assert (
        list(SkillLabel.objects.values_list("preferred_label", flat=True).order_by("id")) == labels
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--languages", "xx"], "unknown language 'xx'"),
        (["--languages", "en,klingon"], "unknown language 'klingon'"),
        (["--languages", "fr"], "missing file(s)"),  # a known language with no files
        (["--isco-groups", "21a"], "ISCO-08 codes of 1 to 4 digits"),
        (["--isco-groups", "12345"], "ISCO-08 codes of 1 to 4 digits"),
    ],
)
def test_bad_options(args, message):
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run(FIXTURES, *args)
    assert message in str(error.value)
    assert Occupation.objects.count() == 0


def test_missing_directory(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "nowhere")


FULL_ESCO = Path(__file__).resolve().parents[2] / ".." / "shared" / "esco"


@pytest.mark.full_esco
@pytest.mark.skipif(
    not FULL_ESCO.exists(), reason="the full ESCO download is not at ../shared/esco"
)
def test_full_english_import():
    out, err = run(FULL_ESCO.resolve(), "--all")
    assert Occupation.objects.count() == 3007
    # 13,896 skills, and ESCO's 640 skill groups (skillGroups_en.csv) beside them.
    assert Skill.objects.filter(is_group=False).count() == 13896
    assert Skill.objects.filter(is_group=True).count() == 14536 - 13896
    # 123,855 relations, of which 67 name occupations missing from the file.
    assert OccupationSkill.objects.count() == 123855 - 67
    assert "skipped 67 row(s) of occupationSkillRelations.csv" in err
    out, _err = run(FULL_ESCO.resolve(), "--all")
    assert "relations: 0 new, 0 changed" in out
