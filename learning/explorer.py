"""The skills-gap logic behind /<lang>/skills/.

An occupation needs essential and optional skills. The learner ticks the
skills they have; the *gap* is the essential skills they lack (optional
skills they lack are shown too and break ties). Modules and paths are ranked
by how many gap skills they cover, then how many missing optional skills,
then the shortest first.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from learning.labels import languages
from learning.models import (
    LearningModulePage,
    LearningPathPage,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    Skill,
    SkillAncestor,
    SkillLabel,
)
from learning.models.pages import with_totals

REUSE_ORDER = [
    Skill.TRANSVERSAL,
    Skill.CROSS_SECTOR,
    Skill.SECTOR_SPECIFIC,
    Skill.OCCUPATION_SPECIFIC,
    "",
]
MAX_SUGGESTIONS = 10


def skill_labels():
    return Prefetch("labels", queryset=SkillLabel.objects.filter(language__in=languages()))


def occupation_labels():
    return Prefetch("labels", queryset=OccupationLabel.objects.filter(language__in=languages()))


@dataclass
class Gap:
    essential: list = field(default_factory=list)
    optional: list = field(default_factory=list)
    groups: dict = field(default_factory=dict)  # relation -> reuse level -> [skills]
    have: set = field(default_factory=set)
    missing_essential: set = field(default_factory=set)
    missing_optional: set = field(default_factory=set)


def occupation_gap(occupation, have_ids: set[int]) -> Gap:
    relations = (
        OccupationSkill.objects.filter(occupation=occupation)
        .select_related("skill")
        .prefetch_related(
            Prefetch("skill__labels", queryset=SkillLabel.objects.filter(language__in=languages()))
        )
    )
    gap = Gap()
    groups: dict = {OccupationSkill.ESSENTIAL: {}, OccupationSkill.OPTIONAL: {}}
    for relation in relations:
        skill = relation.skill
        bucket = (
            gap.essential if relation.relation_type == OccupationSkill.ESSENTIAL else gap.optional
        )
        bucket.append(skill)
        groups[relation.relation_type].setdefault(skill.reuse_level, []).append(skill)
    known = {skill.pk for skill in gap.essential + gap.optional}
    gap.have = have_ids & known
    gap.missing_essential = {s.pk for s in gap.essential} - gap.have
    gap.missing_optional = {s.pk for s in gap.optional} - gap.have
    gap.groups = {
        relation: OrderedDict(
            (level, sorted(by_level[level], key=lambda s: s.label.casefold()))
            for level in REUSE_ORDER
            if level in by_level
        )
        for relation, by_level in groups.items()
    }
    return gap


def _closing(queryset, essential: bool):
    """Those that close essential gaps, or (``essential`` false) those that
    close none but cover missing optional skills: a suggestion never sits
    under a heading that it contradicts."""
    if essential:
        return queryset.filter(closes__gt=0)
    return queryset.filter(closes=0, closes_optional__gt=0)


def rank_modules(gap: Gap, locale, limit: int = MAX_SUGGESTIONS, essential: bool = True):
    missing = gap.missing_essential | gap.missing_optional
    if not missing:
        return []
    queryset = (
        LearningModulePage.objects.live()
        .filter(locale=locale, skills__in=missing)
        .annotate(
            closes=Count("skills", filter=Q(skills__in=gap.missing_essential), distinct=True),
            closes_optional=Count(
                "skills", filter=Q(skills__in=gap.missing_optional), distinct=True
            ),
        )
    )
    return list(
        _closing(queryset, essential).order_by(
            "-closes", "-closes_optional", "duration_minutes", "title"
        )[:limit]
    )


def rank_paths(gap: Gap, locale, limit: int = MAX_SUGGESTIONS, essential: bool = True):
    missing = gap.missing_essential | gap.missing_optional
    if not missing:
        return []
    skill = "path_modules__module__skills"
    live = Q(path_modules__module__live=True)
    queryset = (
        with_totals(LearningPathPage.objects.live())
        .filter(locale=locale)
        .filter(live, **{f"{skill}__in": missing})
        .annotate(
            closes=Count(
                skill, filter=live & Q(**{f"{skill}__in": gap.missing_essential}), distinct=True
            ),
            closes_optional=Count(
                skill, filter=live & Q(**{f"{skill}__in": gap.missing_optional}), distinct=True
            ),
        )
    )
    return list(
        _closing(queryset, essential).order_by("-closes", "-closes_optional", "title")[:limit]
    )


# The transversal view: who needs a skill, directly or through narrower ones ---

MAX_LISTED = 200  # occupations listed on a skill's page (all are counted)
MAX_THROUGH = 3  # narrower skills named per occupation


@dataclass
class Need:
    """One occupation's need for a skill: ``relation`` (essential, optional)
    when it names the skill itself, else ``None``; ``through`` the narrower
    skills it names."""

    occupation: object
    relation: str | None
    through: list = field(default_factory=list)

    def get_relation_type_display(self) -> str:
        return dict(OccupationSkill.RELATION_TYPES).get(self.relation, "")


@dataclass
class Reach:
    needs: list  # [Need], at most MAX_LISTED, by ISCO code
    total: int = 0
    direct: int = 0
    creative: int = 0

    @property
    def through(self) -> int:
        return self.total - self.direct

    @property
    def outside_creative(self) -> int:
        return self.total - self.creative


def skill_reach(skill, creative_groups: tuple[str, ...]) -> Reach:
    """The occupations that need ``skill`` or any skill narrower than it (at
    any depth, through ``SkillAncestor``). Five queries, whatever the size."""
    rows = OccupationSkill.objects.filter(skill__ancestor_links__ancestor=skill).values_list(
        "occupation_id", "occupation__isco_code", "skill_id", "relation_type"
    )
    direct: dict[int, str] = {}
    through: dict[int, list[int]] = {}
    isco: dict[int, str] = {}
    for occupation_id, isco_code, skill_id, relation in rows:
        isco[occupation_id] = isco_code
        if skill_id == skill.pk:
            direct[occupation_id] = relation
        else:
            through.setdefault(occupation_id, []).append(skill_id)
    reach = Reach(needs=[], total=len(isco), direct=len(direct))
    reach.creative = sum(code.startswith(creative_groups) for code in isco.values())
    listed = sorted(isco, key=lambda pk: (isco[pk], pk))[:MAX_LISTED]
    occupations = Occupation.objects.filter(pk__in=listed).prefetch_related(occupation_labels())
    by_id = {occupation.pk: occupation for occupation in occupations}
    named = {pk for o in listed if o not in direct for pk in sorted(through[o])[:MAX_THROUGH]}
    narrower = Skill.objects.filter(pk__in=named).prefetch_related(skill_labels())
    skills = {s.pk: s for s in narrower}
    for pk in listed:
        names = [] if pk in direct else [skills[s] for s in sorted(through[pk])[:MAX_THROUGH]]
        reach.needs.append(Need(by_id[pk], direct.get(pk), names))
    return reach


def related_skills():
    """Prefetches for a skill's broader and narrower skills, with labels."""
    labelled = Skill.objects.prefetch_related(skill_labels())
    return [Prefetch("broader", queryset=labelled), Prefetch("narrower", queryset=labelled)]


def transversal_skills():
    """ESCO's transversal skills collection: [(group or None, [skills])],
    each skill with ``occupation_count`` (directly or through narrower
    skills). Four queries."""
    groups = Skill.objects.filter(is_group=True).prefetch_related(skill_labels())
    skills = list(
        Skill.objects.filter(transversal=True, is_group=False).prefetch_related(
            skill_labels(), Prefetch("broader", queryset=groups, to_attr="groups")
        )
    )
    counts = dict(
        SkillAncestor.objects.filter(ancestor__in=[s.pk for s in skills])
        .values("ancestor_id")
        .annotate(n=Count("skill__relations__occupation", distinct=True))
        .values_list("ancestor_id", "n")
    )
    by_group: dict = {}
    for skill in skills:
        skill.occupation_count = counts.get(skill.pk, 0)
        group = skill.groups[0] if skill.groups else None
        by_group.setdefault(group, []).append(skill)
    ordered = sorted(by_group.items(), key=lambda item: (item[0] is None, label_key(item[0])))
    return [(group, sorted(members, key=label_key)) for group, members in ordered]


def label_key(concept) -> str:
    return concept.label.casefold() if concept is not None else ""


def any_in_english(concepts) -> bool:
    """Whether any of these ESCO concepts shows an English label because
    there is none in the active language."""
    return any(concept is not None and concept.label_is_fallback for concept in concepts)


def reach_concepts(reach: Reach):
    for need in reach.needs:
        yield need.occupation
        yield from need.through
