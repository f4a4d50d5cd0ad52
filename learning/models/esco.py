"""ESCO concepts: ISCO groups, occupations, skills and the relations between
them, one row per concept keyed by its ESCO URI.

Labels (preferred label, alternative labels, description) live in separate
tables with one row per concept and language code, so the concepts and the
~124k occupation-skill relations exist once, whatever the number of
languages. See docs/esco.md.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ESCO_PREFIX = "http://data.europa.eu/esco/"


class LabelledConcept(models.Model):
    """A concept whose labels live in a ``labels`` table by language."""

    uri = models.URLField(_("ESCO URI"), max_length=255, unique=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def slug(self) -> str:
        """The last part of the URI (a UUID for ESCO concepts)."""
        return self.uri.rstrip("/").rsplit("/", 1)[-1]

    def label_row(self, language: str | None = None):
        """The label row in ``language`` (default: the active one), else
        English, else any. Uses prefetched labels when they are there."""
        language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
        rows = list(self.labels.all())
        by_language = {row.language: row for row in rows}
        return (
            by_language.get(language)
            or by_language.get(settings.LANGUAGE_CODE)
            or (rows[0] if rows else None)
        )

    @property
    def label(self) -> str:
        row = self.label_row()
        return row.preferred_label if row else self.uri

    @property
    def label_language(self) -> str:
        """The language of the label shown: the active one, or another
        (English) when ESCO has no label in the active language."""
        row = self.label_row()
        return row.language if row else settings.LANGUAGE_CODE

    @property
    def label_is_fallback(self) -> bool:
        active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return self.label_language != active

    @property
    def description(self) -> str:
        row = self.label_row()
        return row.description if row else ""


class IscoGroup(LabelledConcept):
    """An ISCO-08 group (1 to 4 digits) with its broader group."""

    code = models.CharField(_("ISCO code"), max_length=4, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("ISCO group")
        verbose_name_plural = _("ISCO groups")

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Occupation(LabelledConcept):
    """An ESCO occupation, one row per concept, keyed by its URI. Labels in
    each language live beside it."""

    code = models.CharField(_("ESCO code"), max_length=32, blank=True)
    isco_code = models.CharField(_("ISCO code"), max_length=4, blank=True, db_index=True)
    isco_group = models.ForeignKey(
        IscoGroup,
        verbose_name=_("ISCO group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occupations",
    )
    broader = models.ForeignKey(
        "self",
        verbose_name=_("broader occupation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )
    skills = models.ManyToManyField(
        "learning.Skill", through="learning.OccupationSkill", related_name="occupations"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")


class Skill(LabelledConcept):
    """An ESCO skill or knowledge concept, one row per concept, keyed by its
    URI. Labels in each language live beside it."""

    SKILL = "skill/competence"
    KNOWLEDGE = "knowledge"
    SKILL_TYPES = [(SKILL, _("skill or competence")), (KNOWLEDGE, _("knowledge"))]

    TRANSVERSAL = "transversal"
    CROSS_SECTOR = "cross-sector"
    SECTOR_SPECIFIC = "sector-specific"
    OCCUPATION_SPECIFIC = "occupation-specific"
    REUSE_LEVELS = [
        (TRANSVERSAL, _("transversal")),
        (CROSS_SECTOR, _("cross-sector")),
        (SECTOR_SPECIFIC, _("sector-specific")),
        (OCCUPATION_SPECIFIC, _("occupation-specific")),
    ]

    skill_type = models.CharField(_("type"), max_length=20, choices=SKILL_TYPES, blank=True)
    reuse_level = models.CharField(
        _("reuse level"), max_length=20, choices=REUSE_LEVELS, blank=True, db_index=True
    )
    is_group = models.BooleanField(
        _("skill group"),
        default=False,
        help_text=_("A group in ESCO's skills hierarchy rather than a skill."),
    )
    transversal = models.BooleanField(
        _("transversal"),
        default=False,
        db_index=True,
        help_text=_("In ESCO's transversal skills collection."),
    )
    broader = models.ManyToManyField(
        "self",
        verbose_name=_("broader skills"),
        symmetrical=False,
        related_name="narrower",
        blank=True,
    )

    class Meta:
        ordering = ["uri"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class SkillAncestor(models.Model):
    """``ancestor`` is ``skill`` itself (depth 0) or one of its broader skills
    or skill groups, at any distance: the closure of ``Skill.broader``,
    written by the importer, so that "this skill or a narrower one" is one
    join."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="ancestor_links")
    ancestor = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="descendant_links")
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["skill", "ancestor"], name="unique_skill_ancestor")
        ]

    def __str__(self) -> str:
        return f"{self.skill_id} -> {self.ancestor_id} ({self.depth})"


class OccupationSkill(models.Model):
    """That an occupation needs a skill, as essential or optional."""

    ESSENTIAL = "essential"
    OPTIONAL = "optional"
    RELATION_TYPES = [(ESSENTIAL, _("essential")), (OPTIONAL, _("optional"))]

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="relations")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="relations")
    relation_type = models.CharField(_("relation"), max_length=10, choices=RELATION_TYPES)

    class Meta:
        verbose_name = _("occupation skill")
        constraints = [
            models.UniqueConstraint(fields=["occupation", "skill"], name="unique_occupation_skill")
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.relation_type} {self.skill_id}"


class ConceptLabel(models.Model):
    """The words for a concept in one language."""

    language = models.CharField(_("language"), max_length=8)
    preferred_label = models.CharField(_("preferred label"), max_length=255)
    alternative_labels = models.TextField(_("alternative labels"), blank=True)
    description = models.TextField(_("description"), blank=True)
    search_text = models.TextField(
        _("search text"),
        blank=True,
        editable=False,
        help_text=_("Preferred and alternative labels, case-folded, for autocomplete."),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.preferred_label} ({self.language})"

    @staticmethod
    def make_search_text(preferred: str, alternatives: str) -> str:
        return f"{preferred}\n{alternatives}".casefold()

    def save(self, *args, **kwargs):
        self.search_text = self.make_search_text(self.preferred_label, self.alternative_labels)
        super().save(*args, **kwargs)

    @property
    def alternatives(self) -> list[str]:
        return [line for line in self.alternative_labels.splitlines() if line.strip()]


class IscoGroupLabel(ConceptLabel):
    concept = models.ForeignKey(IscoGroup, on_delete=models.CASCADE, related_name="labels")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["concept", "language"], name="unique_isco_label")
        ]


class OccupationLabel(ConceptLabel):
    concept = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="labels")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["concept", "language"], name="unique_occupation_label")
        ]
        indexes = [models.Index(fields=["language", "preferred_label"])]


class SkillLabel(ConceptLabel):
    concept = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="labels")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["concept", "language"], name="unique_skill_label")
        ]
        indexes = [models.Index(fields=["language", "preferred_label"])]
