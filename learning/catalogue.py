"""The learning index's filters: level, theme, sector, skill, duration and
language. A malformed or unknown value is a form error (HTTP 400)."""

from django import forms
from django.conf import settings
from django.db.models import CharField, Value
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.cards import with_pictures
from core.models import Sector, Theme
from learning.models import LearningModulePage, LearningPathPage, Skill
from learning.models.pages import with_totals

DURATIONS = [
    ("", _("Any length")),
    ("short", _("Up to 1 hour")),
    ("medium", _("1 to 3 hours")),
    ("long", _("More than 3 hours")),
]
DURATION_RANGES = {"short": (0, 60), "medium": (61, 180), "long": (181, 10**6)}


class CatalogueFilterForm(forms.Form):
    # Capitalised as on the module cards and pages ("Introductory").
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("Any level"))]
        + [(value, capfirst(name)) for value, name in LearningModulePage.LEVELS],
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    duration = forms.ChoiceField(label=_("Duration"), required=False, choices=DURATIONS)
    language = forms.ChoiceField(label=_("Also available in"), required=False)

    def __init__(self, data, locale, skills):
        super().__init__(data)
        any_choice = [("", _("Any"))]
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
        self.fields["theme"].choices = any_choice + terms["theme"]
        self.fields["sector"].choices = any_choice + terms["sector"]
        self.fields["skill"].choices = any_choice + [(str(s.pk), s.label) for s in skills]
        self.fields["language"].choices = any_choice + list(settings.LANGUAGES)


def _filter(queryset, data, locale):
    if data.get("theme"):
        queryset = queryset.filter(themes__slug=data["theme"], themes__locale=locale)
    if data.get("sector"):
        queryset = queryset.filter(sectors__slug=data["sector"], sectors__locale=locale)
    if data.get("language"):
        keys = (
            queryset.model.objects.live()
            .filter(locale__language_code=data["language"])
            .values("translation_key")
        )
        queryset = queryset.filter(translation_key__in=keys)
    return queryset


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
    form = CatalogueFilterForm(request.GET or None, locale, skills)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    modules = _filter(modules, data, locale)
    paths = _filter(paths, data, locale)
    if data.get("level"):
        modules = modules.filter(level=data["level"])
    if data.get("skill"):
        modules = modules.filter(skills=int(data["skill"]))
        paths = paths.filter(path_modules__module__skills=int(data["skill"]))
    if data.get("duration"):
        low, high = DURATION_RANGES[data["duration"]]
        modules = modules.filter(duration_minutes__gte=low, duration_minutes__lte=high)
    filtered = any(data.values()) if data else False
    if filtered and (data.get("level") or data.get("duration")):
        paths = paths.none()
    modules = list(modules.distinct().order_by("title").prefetch_related("themes"))
    paths = list(with_totals(paths.distinct().order_by("title")))
    with_pictures(modules + paths)  # the cards' pictures and renditions: one query
    return {"filter_form": form, "filtered": filtered, "modules": modules, "paths": paths}
