"""Learning pages: the catalogue, modules and paths."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Subquery, Sum
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import Audience, BaseIndexPage, BasePage, Sector, Theme
from core.models.pictures import PagePicture
from core.numbers import user_int
from core.prefetched import keep_prefetched
from learning.blocks import LessonBlock, TeacherDownloadBlock, check_answers

from .esco import Occupation, Skill


class LearningIndexPage(BaseIndexPage):
    """The learning catalogue at /learning/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.LearningPathPage", "learning.LearningModulePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("learning index")

    def serve(self, request, *args, **kwargs):
        from learning.catalogue import catalogue_context

        context = self.get_context(request, *args, **kwargs)
        context.update(catalogue_context(self, request))
        status = 400 if context["filter_form"].errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)


class LearningModulePage(PagePicture, RoutablePageMixin, BasePage):
    cached_as_detail = True  # the page cache purges it only for what it shows (core/pagecache)

    INTRODUCTORY = "introductory"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    LEVELS = [
        (INTRODUCTORY, _("introductory")),
        (INTERMEDIATE, _("intermediate")),
        (ADVANCED, _("advanced")),
    ]

    objectives = RichTextField(
        _("learning objectives"),
        default="",
        features=["ul", "ol", "bold", "italic"],
        help_text=_("What a learner can do after the module, one point per line."),
    )
    level = models.CharField(_("level"), max_length=20, choices=LEVELS, default=INTRODUCTORY)
    duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100 * 60)],
    )
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    themes = ParentalManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    sectors = ParentalManyToManyField(Sector, blank=True, verbose_name=_("sectors"))
    skills = ParentalManyToManyField(
        Skill,
        blank=True,
        related_name="learning_modules",
        verbose_name=_("ESCO skills developed"),
    )
    lessons = StreamField(LessonBlock(), blank=True, verbose_name=_("lessons"))
    teacher_downloads = StreamField(
        [("download", TeacherDownloadBlock())],
        blank=True,
        verbose_name=_("material for teachers"),
    )

    parent_page_types = ["learning.LearningIndexPage", "partners.EducationPartnerPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("duration_minutes")], heading=_("Level and time")
        ),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("themes"),
                FieldPanel("sectors"),
                FieldPanel("skills"),
            ],
            heading=_("Tags"),
        ),
        FieldPanel("lessons"),
        FieldPanel("teacher_downloads"),
        *PagePicture.picture_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("lessons"),
        index.FilterField("level"),
        index.FilterField("duration_minutes"),
        index.RelatedFields("themes", [index.FilterField("slug")]),
        index.RelatedFields("sectors", [index.FilterField("slug")]),
    ]
    api_fields = [
        "summary",
        "objectives",
        "level",
        "duration_minutes",
        "themes",
        "sectors",
        "audiences",
        "skills",
        "lessons",
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("objectives"),
        TranslatableField("lessons"),
        TranslatableField("teacher_downloads"),
        SynchronizedField("slug"),
        SynchronizedField("level"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("audiences"),
        SynchronizedField("themes"),
        SynchronizedField("sectors"),
        SynchronizedField("skills"),
        *PagePicture.picture_translatable_fields,
    ]

    class Meta:
        verbose_name = _("learning module")

    def quiz_block(self, block_id: str):
        for block in self.lessons:
            if block.block_type == "quiz" and block.id == block_id:
                return block
        raise Http404("no such quiz")

    @re_path(r"^quiz/(?P<block_id>[0-9a-f-]{36})/$", name="check_quiz")
    def check_quiz(self, request, block_id):
        """Mark a quiz on the server: the form works without JavaScript."""
        block = self.quiz_block(block_id)
        if request.method != "POST":
            return redirect(self.get_url(request) + f"#quiz-{block_id}")
        count = len(block.value["questions"])
        answers = {}
        for number, question in enumerate(block.value["questions"]):
            raw = request.POST.get(f"q{number}", "")
            if raw == "":
                continue
            choice = user_int(raw, maximum=len(question["options"]))
            if not choice:  # None, or 0: options are numbered from 1
                return HttpResponseBadRequest(f"invalid answer for question {number + 1}")
            answers[number] = choice
        results = check_answers(block.value, answers)
        score = sum(result["is_correct"] for result in results)
        if request.headers.get("Accept", "").startswith("application/json"):
            return JsonResponse({"score": score, "total": count, "results": results})
        context = self.get_context(request)
        context["quiz_results"] = {"block_id": block_id, "score": score, "total": count}
        context["quiz_answers"] = {block_id: results}
        return TemplateResponse(request, self.get_template(request), context)

    detail_prefetch = ("audiences", "themes", "sectors")

    def get_context(self, request, *args, **kwargs):
        from learning.labels import with_labels
        from learning.progress import completed_keys

        # The skills with their labels in one query; a preview's are in memory.
        if self.pk and "skills" not in getattr(self, "_cluster_related_objects", {}):
            keep_prefetched(self, "skills", with_labels(self.skills.all()))
        context = super().get_context(request, *args, **kwargs)

        context["completed_keys"] = completed_keys(request.user)
        context["module_paths"] = (
            LearningPathPage.objects.live()
            .filter(locale_id=self.locale_id, path_modules__module=self)
            .distinct()
        )
        return context


class LearningPathModule(Orderable):
    """One step of a path: a module, in order."""

    path = ParentalKey(
        "learning.LearningPathPage", on_delete=models.CASCADE, related_name="path_modules"
    )
    module = models.ForeignKey(
        LearningModulePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("module"),
    )

    panels = [FieldPanel("module")]

    class Meta(Orderable.Meta):
        verbose_name = _("module in path")


class LearningPathPage(PagePicture, BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    prerequisites = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="required_by",
        verbose_name=_("paths to follow first"),
    )
    target_occupations = ParentalManyToManyField(
        "learning.Occupation",
        blank=True,
        related_name="learning_paths",
        verbose_name=_("target occupations"),
    )
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    themes = ParentalManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    sectors = ParentalManyToManyField(Sector, blank=True, verbose_name=_("sectors"))

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("path_modules", label=_("Modules, in order"), min_num=1),
        FieldPanel("prerequisites"),
        FieldPanel("target_occupations"),
        MultiFieldPanel(
            [FieldPanel("audiences"), FieldPanel("themes"), FieldPanel("sectors")],
            heading=_("Tags"),
        ),
        *PagePicture.picture_panels,
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = ["summary", "intro", "themes", "sectors", "audiences", "target_occupations"]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
        SynchronizedField("path_modules"),
        SynchronizedField("prerequisites"),
        SynchronizedField("target_occupations"),
        SynchronizedField("audiences"),
        SynchronizedField("themes"),
        SynchronizedField("sectors"),
        *PagePicture.picture_translatable_fields,
    ]

    class Meta:
        verbose_name = _("learning path")

    @cached_property
    def modules(self) -> list[LearningModulePage]:
        """The live modules of the path, in order (one query)."""
        steps = self.path_modules.filter(module__live=True).select_related("module")
        # Rows made in code may have no sort_order; then insertion order counts.
        return [step.module for step in steps.order_by("sort_order", "pk")]

    @property
    def total_minutes(self) -> int:
        return sum(module.duration_minutes for module in self.modules)

    def skills_covered(self):
        """The union of the skills of the path's live modules."""
        return (
            Skill.objects.filter(learning_modules__in=[m.pk for m in self.modules])
            .distinct()
            .order_by("uri")
        )

    def get_context(self, request, *args, **kwargs):
        from learning.progress import completed_keys, path_progress

        context = super().get_context(request, *args, **kwargs)
        from learning.labels import with_labels

        context["skills"] = with_labels(self.skills_covered())
        context["completed_keys"] = completed_keys(request.user)
        context["progress"] = path_progress(self.modules, context["completed_keys"])
        context["path_prerequisites"] = LearningPathPage.objects.live().filter(required_by=self)
        context["occupations"] = with_labels(Occupation.objects.filter(learning_paths=self))
        return context


def with_totals(paths):
    """Annotate paths with ``module_count`` and ``minutes`` of their live
    modules, as subqueries (safe next to other joins, no extra queries)."""
    steps = LearningPathModule.objects.filter(path=OuterRef("pk"), module__live=True)
    steps = steps.order_by().values("path")
    return paths.annotate(
        module_count=Subquery(steps.annotate(n=Count("pk")).values("n")),
        minutes=Subquery(steps.annotate(m=Sum("module__duration_minutes")).values("m")),
    )
