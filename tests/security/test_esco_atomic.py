"""import_esco commits the whole import or nothing: readers never see
occupations without their relations, even when the command is killed."""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from learning.models import IscoGroup, Occupation, OccupationSkill, Skill, SkillLabel
from tests.learning.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
ESCO = "http://data.europa.eu/esco/"
COUNTED = (IscoGroup, Occupation, Skill, OccupationSkill, SkillLabel)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _append_rows(path: Path, rows: list[dict]) -> None:
    """Add rows to an ESCO CSV file, in its own column order."""
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(path, "a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow([row.get(column, "") for column in header])


def large_download(tmp_path, occupations: int, skills: int, broken_at: int | None = None):
    """The fixture files plus ``occupations`` graphic designers who each
    need ``skills`` new skills: occupations x skills relations. With
    ``broken_at``, the relation on that row has an unknown relation type."""
    directory = tmp_path / "esco"
    shutil.copytree(FIXTURES, directory)
    occupation_uris = [f"{ESCO}occupation/generated-{n}" for n in range(occupations)]
    skill_uris = [f"{ESCO}skill/generated-{n}" for n in range(skills)]
    _append_rows(
        directory / "occupations_en.csv",
        [
            {"conceptType": "Occupation", "conceptUri": uri, "iscoGroup": "2166",
             "preferredLabel": f"designer {n}", "code": f"2166.{n}"}
            for n, uri in enumerate(occupation_uris)
        ],
    )  # fmt: skip
    _append_rows(
        directory / "skills_en.csv",
        [
            {"conceptType": "KnowledgeSkillCompetence", "conceptUri": uri,
             "skillType": "skill/competence", "reuseLevel": "sector-specific",
             "preferredLabel": f"skill {n}"}
            for n, uri in enumerate(skill_uris)
        ],
    )  # fmt: skip
    relations = [
        {"occupationUri": occupation, "relationType": "essential",
         "skillType": "skill/competence", "skillUri": skill}
        for occupation in occupation_uris
        for skill in skill_uris
    ]  # fmt: skip
    if broken_at is not None:
        relations[broken_at]["relationType"] = "vital"
    _append_rows(directory / "occupationSkillRelations.csv", relations)
    return directory


@pytest.mark.django_db
def test_relations_file_broken_late_changes_nothing(tmp_path):
    call_command("import_esco", str(FIXTURES), "--all", verbosity=0, stdout=StringIO())
    before = counts()
    directory = large_download(tmp_path, occupations=100, skills=200, broken_at=19_000)
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        call_command("import_esco", str(directory), "--all", verbosity=0, stdout=StringIO())
    assert "occupationSkillRelations.csv, line " in str(error.value)
    assert "relation type 'vital'" in str(error.value)
    assert counts() == before


@pytest.mark.django_db
def test_nul_character_is_a_clear_error_and_changes_nothing(tmp_path):
    """PostgreSQL refuses NUL in text: found while reading, before writing
    (the skills file is written after the occupations)."""
    call_command("import_esco", str(FIXTURES), "--all", verbosity=0, stdout=StringIO())
    before = counts()
    directory = large_download(tmp_path, occupations=2, skills=2)
    skills = directory / "skills_en.csv"
    skills.write_text(skills.read_text().replace("skill 1", "skill\x001"))
    with pytest.raises(CommandError, match="a NUL character"):
        call_command("import_esco", str(directory), "--all", verbosity=0, stdout=StringIO())
    assert counts() == before


# The import in a child process that is killed ---------------------------------

CLONE = "esco_kill"


def database_url(settings_dict) -> str:
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict["USER"] or "", safe="")
    password = quote(settings_dict["PASSWORD"] or "", safe="")
    login = f"{user}:{password}@" if password else f"{user}@"
    return (
        f"postgres://{login}{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}"
    )


@pytest.fixture
def child_env(django_db_setup, django_db_blocker):
    """The environment of a child ``manage.py`` that uses a copy of the test
    database (the test database itself is in a transaction that would hide
    what the child commits). Django's own test-database cloning makes it."""
    with django_db_blocker.unblock():
        connection.creation.clone_test_db(suffix=CLONE, verbosity=0)
        settings_dict = connection.creation.get_test_db_clone_settings(CLONE)
    url = database_url(settings_dict)
    yield {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "creativeflip.settings.test",
        "DATABASE_URL": url,
    }
    with django_db_blocker.unblock():
        connection.creation.destroy_test_db(suffix=CLONE, verbosity=0)
    if connection.vendor == "sqlite":  # a journal the killed import left
        Path(f"{settings_dict['NAME']}-journal").unlink(missing_ok=True)


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )


COUNT_SCRIPT = (
    "import json; from learning import models as m; print(json.dumps({name: "
    "getattr(m, name).objects.count() for name in %r}))" % [model.__name__ for model in COUNTED]
)


def child_counts(env) -> dict[str, int]:
    return json.loads(manage(env, "shell", "-c", COUNT_SCRIPT).stdout.strip().splitlines()[-1])


def test_import_killed_while_writing_relations_leaves_the_previous_import(tmp_path, child_env):
    manage(child_env, "import_esco", str(FIXTURES), "--all")
    before = child_counts(child_env)
    assert before["OccupationSkill"] == 11
    directory = large_download(tmp_path, occupations=200, skills=300)  # 60,000 relations
    process = subprocess.Popen(
        [sys.executable, "manage.py", "import_esco", str(directory), "--all"],
        cwd=ROOT,
        env=child_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = []
    # The command's own progress line: the first 20,000 relations are
    # written, 40,000 are still to come.
    for line in process.stdout:
        seen.append(line)
        if line.startswith("  relations: 20000 of 60000 created"):
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=600)
    assert process.returncode == -signal.SIGKILL, ("".join(seen), process.stderr.read())
    process.stdout.close()
    process.stderr.close()
    assert child_counts(child_env) == before

    # Running the import again completes it.
    manage(child_env, "import_esco", str(directory), "--all")
    after = child_counts(child_env)
    assert after["Occupation"] == before["Occupation"] + 200
    assert after["OccupationSkill"] == before["OccupationSkill"] + 60_000
