"""The skills-gap logic behind /<lang>/skills/.

An occupation needs essential and optional skills. The learner ticks the
skills they have; the *gap* is the essential skills they lack (optional
skills they lack are shown too and break ties). Modules and paths are ranked
by how many gap skills they cover, then how many missing optional skills,
then the shortest first.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils.translation import get_language

from learning.models import (
    LearningModulePage,
    LearningPathPage,
    OccupationLabel,
    OccupationSkill,
    Skill,
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


def languages() -> list[str]:
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return list(dict.fromkeys([current, settings.LANGUAGE_CODE]))


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


def rank_modules(gap: Gap, locale, limit: int = MAX_SUGGESTIONS):
    missing = gap.missing_essential | gap.missing_optional
    if not missing:
        return []
    return list(
        LearningModulePage.objects.live()
        .filter(locale=locale, skills__in=missing)
        .annotate(
            closes=Count("skills", filter=Q(skills__in=gap.missing_essential), distinct=True),
            closes_optional=Count(
                "skills", filter=Q(skills__in=gap.missing_optional), distinct=True
            ),
        )
        .order_by("-closes", "-closes_optional", "duration_minutes", "title")[:limit]
    )


def rank_paths(gap: Gap, locale, limit: int = MAX_SUGGESTIONS):
    missing = gap.missing_essential | gap.missing_optional
    if not missing:
        return []
    skill = "path_modules__module__skills"
    live = Q(path_modules__module__live=True)
    return list(
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
        .order_by("-closes", "-closes_optional", "title")[:limit]
    )
