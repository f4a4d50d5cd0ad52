"""Import ESCO's official CSV download (see docs/esco.md).

Two phases. **Read**: every file is found (in the directory or inside the
download's zip files), its header checked and every row parsed and checked;
any problem raises ``EscoImportError`` before the database is touched.
**Write**: one transaction for the whole import (an interrupted import
leaves the database as it was), bulk inserts and updates keyed on the ESCO
URIs, so running the same import twice changes nothing.
"""

import csv
import io
import re
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from core.pagecache.purge import purge_everything_on_commit
from learning.models import (
    IscoGroup,
    IscoGroupLabel,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    Skill,
    SkillAncestor,
    SkillLabel,
)

# Cultural occupations in ISCO-08 (4-digit unit groups), after Eurostat's
# cultural employment statistics (ESSnet-Culture 2012, Guide to Eurostat
# culture statistics 2018). docs/esco.md lists them by name.
CREATIVE_ISCO_GROUPS = (
    "2161", "2162", "2163", "2166",
    "2354", "2355",
    "2621", "2622",
    "2641", "2642", "2643",
    "2651", "2652", "2653", "2654", "2655", "2656", "2659",
    "3431", "3432", "3433", "3435",
    "3521",
    "4411",
    "7312", "7313", "7314", "7315", "7316", "7317", "7318", "7319",
)  # fmt: skip

COLUMNS = {
    "occupations": ("conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels",
                    "description", "code"),
    "skills": ("conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
               "altLabels", "description"),
    "ISCOGroups": ("conceptType", "conceptUri", "code", "preferredLabel", "altLabels",
                   "description"),
    "occupationSkillRelations": ("occupationUri", "relationType", "skillType", "skillUri"),
    "broaderRelationsOccPillar": ("conceptType", "conceptUri", "broaderType", "broaderUri"),
    "skillGroups": ("conceptType", "conceptUri", "preferredLabel", "altLabels", "description"),
    "broaderRelationsSkillPillar": ("conceptType", "conceptUri", "broaderType", "broaderUri"),
    "transversalSkillsCollection": ("conceptUri",),
}  # fmt: skip
SKILL_CONCEPTS = {"KnowledgeSkillCompetence", "SkillGroup"}

SKILL_TYPES = {"", Skill.SKILL, Skill.KNOWLEDGE}
REUSE_LEVELS = {"", *(code for code, _label in Skill.REUSE_LEVELS)}
RELATION_TYPES = {OccupationSkill.ESSENTIAL, OccupationSkill.OPTIONAL}
ISCO_CODE = re.compile(r"^\d{1,4}$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
BATCH = 2000
MAX_REPORTED_SKIPS = 50


class EscoImportError(Exception):
    """Bad input: nothing has been written."""


@dataclass
class Labels:
    preferred: str
    alternatives: str
    description: str


@dataclass
class Plan:
    """Everything read and checked, ready to write."""

    languages: list[str]
    isco: dict[str, str] = field(default_factory=dict)  # uri -> code
    occupations: dict[str, tuple[str, str]] = field(default_factory=dict)  # uri -> (code, isco)
    skills: dict[str, tuple[str, str]] = field(default_factory=dict)  # uri -> (type, reuse)
    labels: dict[tuple[str, str, str], Labels] = field(default_factory=dict)  # kind, lang, uri
    relations: dict[tuple[str, str], str] = field(default_factory=dict)
    isco_parents: dict[str, str] = field(default_factory=dict)
    occupation_broader: dict[str, str] = field(default_factory=dict)
    skill_groups: set[str] = field(default_factory=set)
    # (skill, broader skill or group); None when the hierarchy file is absent
    skill_broader: set[tuple[str, str]] | None = None
    transversal: set[str] | None = None  # None when the collection file is absent
    skipped: list[tuple[str, int, str]] = field(default_factory=list)
    skip_counts: Counter = field(default_factory=Counter)
    filtered: Counter = field(default_factory=Counter)

    def skip(self, filename: str, line: int, reason: str) -> None:
        self.skip_counts[(filename, reason)] += 1
        if len(self.skipped) < MAX_REPORTED_SKIPS:
            self.skipped.append((filename, line, reason))


class Source:
    """The files of an ESCO download: a directory of CSV files and/or the
    download's zip files, or one zip file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.members: dict[str, tuple[Path | None, zipfile.ZipFile | None, str]] = {}
        if not self.path.exists():
            raise EscoImportError(f"{self.path} does not exist")
        zips = [self.path] if self.path.is_file() else sorted(self.path.glob("*.zip"))
        for zip_path in zips:
            try:
                archive = zipfile.ZipFile(zip_path)
            except zipfile.BadZipFile as error:
                raise EscoImportError(f"{zip_path.name} is not a zip file: {error}") from error
            for name in archive.namelist():
                if name.endswith(".csv"):
                    self.members.setdefault(Path(name).name, (None, archive, name))
        if self.path.is_dir():
            for csv_path in self.path.glob("*.csv"):
                self.members[csv_path.name] = (csv_path, None, csv_path.name)

    def require(self, names: list[str]) -> None:
        missing = [name for name in names if name not in self.members]
        if missing:
            raise EscoImportError(
                f"missing file(s) in {self.path}: {', '.join(missing)}. Download ESCO's CSV "
                "files (classification in each language, and the relations) from the ESCO portal."
            )

    def rows(self, name: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
        """(line number, {column: value}) for each row, after checking the
        header and that each row has as many fields as the header."""
        path, archive, member = self.members[name]
        raw = archive.open(member) if archive else open(path, "rb")  # noqa: SIM115
        with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                raise EscoImportError(f"{name} is empty") from None
            except (csv.Error, UnicodeDecodeError) as error:
                raise EscoImportError(f"{name}: unreadable header: {error}") from error
            missing = [column for column in required if column not in header]
            if missing:
                raise EscoImportError(
                    f"{name}: wrong header, missing column(s) {', '.join(missing)}; "
                    f"found {', '.join(header)}"
                )
            index = {column: header.index(column) for column in required}
            width = len(header)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except (csv.Error, UnicodeDecodeError) as error:
                    raise EscoImportError(
                        f"{name}, line {reader.line_num}: broken row: {error}"
                    ) from error
                if not row:
                    continue
                if len(row) != width:
                    raise EscoImportError(
                        f"{name}, line {reader.line_num}: broken row: {len(row)} fields, "
                        f"the header has {width}"
                    )
                if any("\x00" in cell for cell in row):  # PostgreSQL refuses to store NUL
                    raise EscoImportError(
                        f"{name}, line {reader.line_num}: broken row: a NUL character"
                    )
                yield reader.line_num, {column: row[i] for column, i in index.items()}


def _uri(name, line, value, kind):
    if not value.startswith(("http://", "https://")) or len(value) > 255:
        raise EscoImportError(f"{name}, line {line}: broken row: bad {kind} URI {value[:80]!r}")
    return value


def parse_languages(value: str) -> list[str]:
    known = [code for code, _name in settings.LANGUAGES]
    languages = [code.strip().lower() for code in value.split(",") if code.strip()]
    if not languages:
        raise EscoImportError("give at least one language, e.g. --languages en")
    for code in languages:
        if not LANGUAGE.match(code) or code not in known:
            raise EscoImportError(f"unknown language {code!r}: choose from {', '.join(known)}")
    return list(dict.fromkeys(languages))


def parse_isco_groups(value: str) -> tuple[str, ...]:
    groups = tuple(code.strip() for code in value.split(",") if code.strip())
    if not groups or not all(ISCO_CODE.match(code) for code in groups):
        raise EscoImportError(
            f"--isco-groups takes ISCO-08 codes of 1 to 4 digits, e.g. 2163,2166; got {value!r}"
        )
    return groups


def read(
    source: Source, languages: list[str], isco_groups: tuple[str, ...] | None, log=print
) -> Plan:
    """Read and check every file; raise EscoImportError on bad input.

    The skills hierarchy (``broaderRelationsSkillPillar.csv``,
    ``skillGroups_<lang>.csv``) and the transversal skills collection
    (``transversalSkillsCollection_<lang>.csv``) are optional: without them
    the skills keep the hierarchy and flags of an earlier import."""
    source.require(required_files(languages))
    plan = Plan(languages=languages)
    for lang in languages:
        _read_isco_groups(source, plan, lang, log)
    every_occupation: set[str] = set()  # including those left out by the ISCO filter
    for lang in languages:
        every_occupation |= _read_occupations(source, plan, lang, isco_groups, log)
    wanted_skills = _read_relations(source, plan, every_occupation, log)
    _read_skill_hierarchy(source, plan, log)
    _read_transversal(source, plan, languages, log)
    keep = None if isco_groups is None else _with_broader(wanted_skills, plan)
    for lang in languages:
        _read_skills(source, plan, lang, keep, log)
        _read_skill_groups(source, plan, lang, keep, log)
    _drop_relations_to_unknown_skills(plan)
    _read_broader(source, plan, every_occupation)
    return plan


def required_files(languages: list[str]) -> list[str]:
    files = []
    for lang in languages:
        files += [f"ISCOGroups_{lang}.csv", f"occupations_{lang}.csv", f"skills_{lang}.csv"]
    return files + ["occupationSkillRelations.csv", "broaderRelationsOccPillar.csv"]


def _labels(name, line, row) -> Labels:
    if not row["preferredLabel"].strip():
        raise EscoImportError(f"{name}, line {line}: broken row: no preferred label")
    return Labels(
        row["preferredLabel"].strip(), row["altLabels"].strip(), row["description"].strip()
    )


def _read_isco_groups(source, plan, lang, log):
    name = f"ISCOGroups_{lang}.csv"
    count = 0
    for line, row in source.rows(name, COLUMNS["ISCOGroups"]):
        uri = _uri(name, line, row["conceptUri"], "ISCO group")
        code = row["code"].strip()
        if not ISCO_CODE.match(code):
            raise EscoImportError(f"{name}, line {line}: broken row: bad ISCO code {code!r}")
        plan.labels[("isco", lang, uri)] = _labels(name, line, row)
        plan.isco.setdefault(uri, code)
        count += 1
    log(f"read {name}: {count} ISCO groups")


def _read_occupations(source, plan, lang, isco_groups, log) -> set[str]:
    """Returns the URIs of every occupation in the file, kept or not."""
    name = f"occupations_{lang}.csv"
    count = 0
    seen = set()
    for line, row in source.rows(name, COLUMNS["occupations"]):
        if row["conceptType"] != "Occupation":
            plan.skip(name, line, f"not an occupation ({row['conceptType'][:40]})")
            continue
        uri = _uri(name, line, row["conceptUri"], "occupation")
        isco_code = row["iscoGroup"].strip()
        if not ISCO_CODE.match(isco_code):
            raise EscoImportError(f"{name}, line {line}: broken row: bad ISCO group {isco_code!r}")
        labels = _labels(name, line, row)
        if uri in seen:
            plan.skip(name, line, "duplicate URI")
            continue
        seen.add(uri)
        if isco_groups is not None and not isco_code.startswith(isco_groups):
            plan.filtered["occupations"] += 1
            continue
        plan.occupations.setdefault(uri, (row["code"].strip()[:32], isco_code))
        plan.labels[("occupation", lang, uri)] = labels
        count += 1
    log(f"read {name}: {count} occupations kept")
    return seen


def _read_relations(source, plan, every_occupation, log) -> set[str]:
    """Returns the URIs of the skills that the kept occupations need."""
    name = "occupationSkillRelations.csv"
    wanted_skills = set()
    count = 0
    for line, row in source.rows(name, COLUMNS["occupationSkillRelations"]):
        occupation = _uri(name, line, row["occupationUri"], "occupation")
        skill = _uri(name, line, row["skillUri"], "skill")
        relation = row["relationType"].strip()
        if relation not in RELATION_TYPES:
            raise EscoImportError(
                f"{name}, line {line}: broken row: relation type {relation!r} is not "
                "essential or optional"
            )
        if occupation not in plan.occupations:
            if occupation in every_occupation:
                plan.filtered["relations"] += 1
            else:
                plan.skip(name, line, "unknown occupation (not in the occupations file)")
            continue
        plan.relations[(occupation, skill)] = relation
        wanted_skills.add(skill)
        count += 1
        if count % 50_000 == 0:
            log(f"  {name}: {count} relations read")
    log(f"read {name}: {count} relations kept")
    return wanted_skills


def _read_skills(source, plan, lang, wanted_skills: set[str] | None, log):
    """``wanted_skills`` None keeps every skill."""
    name = f"skills_{lang}.csv"
    count = 0
    seen = set()
    for line, row in source.rows(name, COLUMNS["skills"]):
        uri = _uri(name, line, row["conceptUri"], "skill")
        skill_type = row["skillType"].strip()
        reuse = row["reuseLevel"].strip()
        if skill_type not in SKILL_TYPES:
            raise EscoImportError(
                f"{name}, line {line}: broken row: unknown skill type {skill_type!r}"
            )
        if reuse not in REUSE_LEVELS:
            raise EscoImportError(f"{name}, line {line}: broken row: unknown reuse level {reuse!r}")
        labels = _labels(name, line, row)
        if uri in seen:
            plan.skip(name, line, "duplicate URI")
            continue
        seen.add(uri)
        if wanted_skills is not None and uri not in wanted_skills:
            plan.filtered["skills"] += 1
            continue
        plan.skills.setdefault(uri, (skill_type, reuse))
        plan.labels[("skill", lang, uri)] = labels
        count += 1
    log(f"read {name}: {count} skills kept")


def _read_skill_groups(source, plan, lang, keep: set[str] | None, log):
    name = f"skillGroups_{lang}.csv"
    if name not in source.members:
        return
    count = 0
    for line, row in source.rows(name, COLUMNS["skillGroups"]):
        if row["conceptType"] != "SkillGroup":
            plan.skip(name, line, f"not a skill group ({row['conceptType'][:40]})")
            continue
        uri = _uri(name, line, row["conceptUri"], "skill group")
        labels = _labels(name, line, row)
        if keep is not None and uri not in keep:
            plan.filtered["skill groups"] += 1
            continue
        plan.skills.setdefault(uri, ("", ""))
        plan.skill_groups.add(uri)
        plan.labels[("skill", lang, uri)] = labels
        count += 1
    log(f"read {name}: {count} skill groups kept")


def _read_skill_hierarchy(source, plan, log):
    """The broader skill or group of each skill and group, as URIs."""
    name = "broaderRelationsSkillPillar.csv"
    if name not in source.members:
        log(f"no {name}: the skills hierarchy is left as it is")
        return
    plan.skill_broader = set()
    for line, row in source.rows(name, COLUMNS["broaderRelationsSkillPillar"]):
        uri = _uri(name, line, row["conceptUri"], "skill")
        broader = _uri(name, line, row["broaderUri"], "broader skill")
        if {row["conceptType"], row["broaderType"]} - SKILL_CONCEPTS:
            raise EscoImportError(
                f"{name}, line {line}: broken row: unknown concept type "
                f"{row['conceptType'][:40]!r} or {row['broaderType'][:40]!r}"
            )
        if uri != broader:
            plan.skill_broader.add((uri, broader))
    log(f"read {name}: {len(plan.skill_broader)} broader relations")


def _read_transversal(source, plan, languages, log):
    """The URIs in the transversal skills collection (any one language's
    file: they all list the same concepts)."""
    for lang in [*languages, "en"]:
        name = f"transversalSkillsCollection_{lang}.csv"
        if name in source.members:
            plan.transversal = {
                _uri(name, line, row["conceptUri"], "skill")
                for line, row in source.rows(name, COLUMNS["transversalSkillsCollection"])
            }
            log(f"read {name}: {len(plan.transversal)} transversal skills")
            return


def _with_broader(skills: set[str], plan) -> set[str]:
    """``skills``, the transversal collection, and everything broader than
    any of them (so that a transversal skill that no occupation names itself
    is there, with the narrower skills that occupations do name)."""
    up: dict[str, set[str]] = {}
    for uri, broader in plan.skill_broader or ():
        up.setdefault(uri, set()).add(broader)
    keep = set(skills) | (plan.transversal or set())
    todo = list(keep)
    while todo:
        for broader in up.get(todo.pop(), ()):
            if broader not in keep:
                keep.add(broader)
                todo.append(broader)
    return keep


def _drop_relations_to_unknown_skills(plan):
    for occupation, skill in list(plan.relations):
        if skill not in plan.skills:
            del plan.relations[(occupation, skill)]
            plan.skip("occupationSkillRelations.csv", 0, f"unknown skill {skill}")


def _read_broader(source, plan, every_occupation):
    name = "broaderRelationsOccPillar.csv"
    for line, row in source.rows(name, COLUMNS["broaderRelationsOccPillar"]):
        uri = _uri(name, line, row["conceptUri"], "concept")
        broader = _uri(name, line, row["broaderUri"], "broader concept")
        kinds = (row["conceptType"], row["broaderType"])
        if kinds == ("ISCOGroup", "ISCOGroup"):
            if uri in plan.isco and broader in plan.isco:
                plan.isco_parents[uri] = broader
            else:
                plan.skip(name, line, "unknown ISCO group")
        elif kinds == ("Occupation", "Occupation"):
            if uri in plan.occupations and broader in plan.occupations:
                plan.occupation_broader[uri] = broader
            elif uri in every_occupation and broader in every_occupation:
                plan.filtered["broader relations"] += 1
            else:
                plan.skip(name, line, "unknown occupation (not in the occupations file)")
        elif kinds == ("Occupation", "ISCOGroup"):
            continue  # the same as the occupation's iscoGroup column
        else:
            plan.skip(name, line, f"unsupported relation {kinds[0]} -> {kinds[1]}")


@dataclass
class Result:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)


def _upsert(model, rows: dict[str, dict], fields: list[str], result: Result, kind: str):
    """Create or update ``model`` rows keyed on URI; returns {uri: id}."""
    existing = {
        values[1]: values
        for values in model.objects.values_list("id", "uri", *fields).iterator(chunk_size=5000)
    }
    create, update = [], []
    for uri, values in rows.items():
        current = existing.get(uri)
        if current is None:
            create.append(model(uri=uri, **values))
        elif tuple(current[2:]) != tuple(values[f] for f in fields):
            update.append(model(id=current[0], uri=uri, **values))
    model.objects.bulk_create(create, batch_size=BATCH)
    if update:
        model.objects.bulk_update(update, fields, batch_size=500)
    result.created[kind] += len(create)
    result.updated[kind] += len(update)
    return dict(model.objects.values_list("uri", "id").iterator(chunk_size=5000))


def _upsert_labels(label_model, ids: dict[str, int], lang: str, labels, result, kind):
    existing = {
        row[1]: row
        for row in label_model.objects.filter(language=lang)
        .values_list("id", "concept_id", "preferred_label", "alternative_labels", "description")
        .iterator(chunk_size=5000)
    }
    create, update = [], []
    for uri, label in labels:
        concept_id = ids[uri]
        values = (label.preferred[:255], label.alternatives, label.description)
        current = existing.get(concept_id)
        fields = {
            "preferred_label": values[0],
            "alternative_labels": values[1],
            "description": values[2],
            "search_text": label_model.make_search_text(values[0], values[1]),
        }
        if current is None:
            create.append(label_model(concept_id=concept_id, language=lang, **fields))
        elif tuple(current[2:]) != values:
            update.append(
                label_model(id=current[0], concept_id=concept_id, language=lang, **fields)
            )
    label_model.objects.bulk_create(create, batch_size=BATCH)
    if update:
        label_model.objects.bulk_update(
            update,
            ["preferred_label", "alternative_labels", "description", "search_text"],
            batch_size=500,
        )
    result.created[f"{kind} labels"] += len(create)
    result.updated[f"{kind} labels"] += len(update)


def write(plan: Plan, log=print) -> Result:
    """Write the plan in one transaction: readers see the previous import
    until the whole of this one is committed, and an import stopped half-way
    (killed, out of memory, a database error) leaves nothing behind, never
    occupations without their relations."""
    result = Result()
    started = time.monotonic()
    with transaction.atomic():
        # Bulk writes send no signals: the page cache is purged on commit.
        purge_everything_on_commit()
        isco_ids = _upsert(
            IscoGroup, {uri: {"code": code} for uri, code in plan.isco.items()},
            ["code"], result, "ISCO groups",
        )  # fmt: skip
        _write_labels(plan, "isco", IscoGroupLabel, isco_ids, result, log)
        group_by_code = {code: isco_ids.get(uri) for uri, code in plan.isco.items()}
        rows = {
            uri: {"code": code, "isco_code": isco, "isco_group_id": group_by_code.get(isco)}
            for uri, (code, isco) in plan.occupations.items()
        }
        occupation_ids = _upsert(
            Occupation, rows, ["code", "isco_code", "isco_group_id"], result, "occupations"
        )
        _write_labels(plan, "occupation", OccupationLabel, occupation_ids, result, log)
        skill_ids = _write_skills(plan, result)
        _write_labels(plan, "skill", SkillLabel, skill_ids, result, log)
        write_skill_hierarchy(plan, skill_ids, result)
        log("wrote broaderRelationsSkillPillar.csv and the skill ancestors")
        step = time.monotonic()
        _write_relations(plan, occupation_ids, skill_ids, result, log)
        log(f"wrote occupationSkillRelations.csv in {time.monotonic() - step:.1f}s")
        _write_broader(plan, isco_ids, occupation_ids, result)
        log("wrote broaderRelationsOccPillar.csv")
    log(f"committed the whole import after {time.monotonic() - started:.1f}s")
    return result


LABEL_FILES = {"isco": "ISCOGroups", "occupation": "occupations", "skill": "skills"}
LABEL_KINDS = {"isco": "ISCO group", "occupation": "occupation", "skill": "skill"}


def _write_labels(plan, kind, label_model, ids, result, log):
    for lang in plan.languages:
        step = time.monotonic()
        labels = [
            (uri, label) for (k, lg, uri), label in plan.labels.items() if k == kind and lg == lang
        ]
        _upsert_labels(label_model, ids, lang, labels, result, LABEL_KINDS[kind])
        log(f"wrote {LABEL_FILES[kind]}_{lang}.csv in {time.monotonic() - step:.1f}s")


def _write_relations(plan, occupation_ids, skill_ids, result, log):
    imported = {occupation_ids[uri] for uri in plan.occupations}
    wanted = {
        (occupation_ids[occ], skill_ids[skill]): relation
        for (occ, skill), relation in plan.relations.items()
    }
    existing = {}
    stale = []
    for pk, occ, skill, relation in OccupationSkill.objects.values_list(
        "id", "occupation_id", "skill_id", "relation_type"
    ).iterator(chunk_size=10000):
        if (occ, skill) in wanted:
            existing[(occ, skill)] = (pk, relation)
        elif occ in imported:
            stale.append(pk)  # no longer in the file for an occupation we import
    create = []
    update = []
    for (occ, skill), relation in wanted.items():
        current = existing.get((occ, skill))
        if current is None:
            create.append(
                OccupationSkill(occupation_id=occ, skill_id=skill, relation_type=relation)
            )
        elif current[1] != relation:
            update.append(OccupationSkill(id=current[0], relation_type=relation))
    for start in range(0, len(create), 20_000):
        OccupationSkill.objects.bulk_create(create[start : start + 20_000], batch_size=BATCH)
        log(f"  relations: {min(start + 20_000, len(create))} of {len(create)} created")
    if update:
        OccupationSkill.objects.bulk_update(update, ["relation_type"], batch_size=500)
    for start in range(0, len(stale), 500):
        OccupationSkill.objects.filter(id__in=stale[start : start + 500]).delete()
    result.created["relations"] += len(create)
    result.updated["relations"] += len(update)
    result.deleted["relations"] += len(stale)


def _write_broader(plan, isco_ids, occupation_ids, result):
    by_id = {uri: isco_ids[uri] for uri in plan.isco}
    current = dict(IscoGroup.objects.values_list("id", "parent_id"))
    changes = []
    for uri, parent_uri in plan.isco_parents.items():
        pk, parent = by_id[uri], by_id[parent_uri]
        if current.get(pk) != parent:
            changes.append(IscoGroup(id=pk, parent_id=parent))
    IscoGroup.objects.bulk_update(changes, ["parent_id"], batch_size=500)
    current = dict(Occupation.objects.values_list("id", "broader_id"))
    occupation_changes = []
    for uri, broader_uri in plan.occupation_broader.items():
        pk, broader = occupation_ids[uri], occupation_ids[broader_uri]
        if current.get(pk) != broader:
            occupation_changes.append(Occupation(id=pk, broader_id=broader))
    Occupation.objects.bulk_update(occupation_changes, ["broader_id"], batch_size=500)
    result.updated["ISCO hierarchy"] += len(changes)
    result.updated["occupation hierarchy"] += len(occupation_changes)


def _write_skills(plan, result) -> dict[str, int]:
    fields = ["skill_type", "reuse_level", "is_group"]
    if plan.transversal is not None:
        fields.append("transversal")
    rows = {}
    for uri, (skill_type, reuse) in plan.skills.items():
        rows[uri] = {"skill_type": skill_type, "reuse_level": reuse}
        rows[uri]["is_group"] = uri in plan.skill_groups
        if plan.transversal is not None:
            rows[uri]["transversal"] = uri in plan.transversal
    return _upsert(Skill, rows, fields, result, "skills")


def write_skill_hierarchy(plan, skill_ids, result):
    """The broader relations of the imported skills, then the closure
    (``SkillAncestor``) of every skill in the database."""
    Broader = Skill.broader.through
    if plan.skill_broader is not None:
        imported = {skill_ids[uri] for uri in plan.skills}
        wanted = {
            (skill_ids[uri], skill_ids[broader])
            for uri, broader in plan.skill_broader
            if uri in plan.skills and broader in plan.skills
        }
        existing = {}
        for pk, low, high in Broader.objects.values_list("id", "from_skill_id", "to_skill_id"):
            existing[(low, high)] = pk
        stale = [pk for pair, pk in existing.items() if pair[0] in imported and pair not in wanted]
        create = [
            Broader(from_skill_id=low, to_skill_id=high) for low, high in wanted - set(existing)
        ]
        Broader.objects.bulk_create(create, batch_size=BATCH)
        for start in range(0, len(stale), 500):
            Broader.objects.filter(id__in=stale[start : start + 500]).delete()
        result.created["skill hierarchy"] += len(create)
        result.deleted["skill hierarchy"] += len(stale)
    _write_ancestors(result)


def ancestors(up: dict[int, set[int]], node: int) -> dict[int, int]:
    """{ancestor: shortest distance} for ``node``, itself at 0 (cycles in the
    data are harmless)."""
    found = {node: 0}
    level = [node]
    depth = 0
    while level:
        depth += 1
        following = []
        for current in level:
            for broader in up.get(current, ()):
                if broader not in found:
                    found[broader] = depth
                    following.append(broader)
        level = following
    return found


def _write_ancestors(result):
    up: dict[int, set[int]] = {}
    for low, high in Skill.broader.through.objects.values_list("from_skill_id", "to_skill_id"):
        up.setdefault(low, set()).add(high)
    wanted = {}
    for skill_id in Skill.objects.values_list("id", flat=True).iterator(chunk_size=5000):
        for ancestor, depth in ancestors(up, skill_id).items():
            wanted[(skill_id, ancestor)] = depth
    existing = {
        (skill, ancestor): (pk, depth)
        for pk, skill, ancestor, depth in SkillAncestor.objects.values_list(
            "id", "skill_id", "ancestor_id", "depth"
        ).iterator(chunk_size=10000)
    }
    stale = [pk for pair, (pk, _depth) in existing.items() if pair not in wanted]
    create, update = [], []
    for (skill, ancestor), depth in wanted.items():
        current = existing.get((skill, ancestor))
        if current is None:
            create.append(SkillAncestor(skill_id=skill, ancestor_id=ancestor, depth=depth))
        elif current[1] != depth:
            update.append(SkillAncestor(id=current[0], depth=depth))
    SkillAncestor.objects.bulk_create(create, batch_size=BATCH)
    if update:
        SkillAncestor.objects.bulk_update(update, ["depth"], batch_size=500)
    for start in range(0, len(stale), 500):
        SkillAncestor.objects.filter(id__in=stale[start : start + 500]).delete()
    result.created["skill ancestors"] += len(create)
    result.updated["skill ancestors"] += len(update)
    result.deleted["skill ancestors"] += len(stale)
