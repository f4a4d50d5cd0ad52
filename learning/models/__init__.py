from .esco import (
    IscoGroup,
    IscoGroupLabel,
    Occupation,
    OccupationLabel,
    OccupationSkill,
    Skill,
    SkillAncestor,
    SkillLabel,
)
from .pages import LearningIndexPage, LearningModulePage, LearningPathModule, LearningPathPage
from .progress import ModuleCompletion

__all__ = [
    "IscoGroup",
    "IscoGroupLabel",
    "LearningIndexPage",
    "LearningModulePage",
    "LearningPathModule",
    "LearningPathPage",
    "ModuleCompletion",
    "Occupation",
    "OccupationLabel",
    "OccupationSkill",
    "Skill",
    "SkillAncestor",
    "SkillLabel",
]
