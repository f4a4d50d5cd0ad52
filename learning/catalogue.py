"""The learning index's filters (a django-filter FilterSet): level, theme,
sector, skill, duration and language. A malformed or unknown value is a form
error (HTTP 400)."""

import django_filters
from django.conf import settings
from django.db.models import CharField, Value
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.cards import with_pictures
from core.filtering import ANY, FilterSet
from core.models import Sector, Theme
from learning.models import LearningModulePage, LearningPathPage, Skill
from learning.models.pages import with_totals

DURATIONS = [
    ("short", _("Up to 1 hour")),
    ("medium", _("1 to 3 hours")),
    ("long", _("More than 3 hours")),
]
DURATION_RANGES = {"short": (0, 60), "medium": (61, 180), "long": (181, 10**6)}


class CatalogueFilter(FilterSet):
    """Filters of the learning index: paths and modules alike by theme,
    sector and language; modules alone by level, skill and duration (a
    filter on those leaves no path)."""

    # Capitalised as on the module cards and pages ("Introductory").
    level = django_filters.ChoiceFilter(
        label=_("Level"),
        empty_label=_("Any level"),
        choices=[(value, capfirst(name)) for value, name in LearningModulePage.LEVELS],
        method="filter_modules",
    )
    theme = django_filters.ChoiceFilter(label=_("Theme"), empty_label=ANY, method="filter_theme")
    sector = django_filters.ChoiceFilter(label=_("Sector"), empty_label=ANY, method="filter_sector")
    skill = django_filters.ChoiceFilter(label=_("Skill"), empty_label=ANY, method="filter_skill")
    duration = django_filters.ChoiceFilter(
        label=_("Duration"),
        empty_label=_("Any length"),
        choices=DURATIONS,
        method="filter_modules",
    )
    language = django_filters.ChoiceFilter(
        label=_("Also available in"), empty_label=ANY, method="filter_language"
    )

    def __init__(self, data, queryset, *, locale, skills):
        super().__init__(data, queryset)
        self.locale = locale
        # Themes and sectors in one query (the cards' pictures take one more).
        parts = [
            model.objects.filter(locale=locale)
            .order_by()
            .values_list(Value(name, output_field=CharField()), "slug", "name")
            for name, model in (("theme", Theme), ("sector", Sector))
        ]
        terms = {"theme": [], "sector": []}
        for name, slug, label in sorted(parts[0].union(parts[1], all=True), key=lambda r: r[2]):
            terms[name].append((slug, label))
        self.set_choices("theme", terms["theme"])
        self.set_choices("sector", terms["sector"])
        self.set_choices("skill", [(str(s.pk), s.label) for s in skills])
        self.set_choices("language", list(settings.LANGUAGES))

    def filter_theme(self, queryset, name, value):
        return queryset.filter(themes__slug=value, themes__locale=self.locale)

    def filter_sector(self, queryset, name, value):
        return queryset.filter(sectors__slug=value, sectors__locale=self.locale)

    def filter_language(self, queryset, name, value):
        keys = (
            queryset.model.objects.live()
            .filter(locale__language_code=value)
            .values("translation_key")
        )
        return queryset.filter(translation_key__in=keys)

    def filter_skill(self, queryset, name, value):
        if queryset.model is LearningModulePage:
            return queryset.filter(skills=int(value))
        return queryset.filter(path_modules__module__skills=int(value))

    def filter_modules(self, queryset, name, value):
        """Level and duration: properties of modules; paths have neither."""
        if queryset.model is not LearningModulePage:
            return queryset.none()
        if name == "level":
            return queryset.filter(level=value)
        low, high = DURATION_RANGES[value]
        return queryset.filter(duration_minutes__gte=low, duration_minutes__lte=high)

    def apply(self, queryset):
        """``queryset`` (modules or paths) filtered, or as it is when no
        filter is set or one is wrong."""
        return self.filter_queryset(queryset) if self.values else queryset


def catalogue_context(index, request) -> dict:
    from learning.explorer import skill_labels

    locale = index.locale
    modules = LearningModulePage.objects.live().child_of(index).filter(locale=locale)
    paths = LearningPathPage.objects.live().child_of(index).filter(locale=locale)
    skills = (
        Skill.objects.filter(learning_modules__in=modules)
        .distinct()
        .prefetch_related(skill_labels())
    )
    skills = sorted(skills, key=lambda s: s.label.casefold())
    filters = CatalogueFilter(request.GET or None, modules, locale=locale, skills=skills)
    modules = filters.apply(modules)
    paths = filters.apply(paths)
    modules = list(modules.distinct().order_by("title").prefetch_related("themes"))
    paths = list(with_totals(paths.distinct().order_by("title")))
    with_pictures(modules + paths)  # the cards' pictures and renditions: one query
    return {
        "filters": filters,
        "filter_form": filters.form,
        "filtered": bool(filters.values),
        "modules": modules,
        "paths": paths,
    }
