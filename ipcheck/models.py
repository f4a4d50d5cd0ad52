"""The IP self-check page and its anonymous counters."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage
from ipcheck.blocks import QuestionsBlock, RulesBlock, parse_tags
from ipcheck.logic import Questionnaire, read_rules


class IPCheckPage(RoutablePageMixin, BasePage):
    """/<lang>/ip-check/: a questionnaire answered one step at a time, and a
    personal IP profile built from the guidance rules."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"), blank=True)
    rules = StreamField(RulesBlock(), verbose_name=_("guidance rules"), blank=True)
    result_note = RichTextField(
        _("note on the result"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above every result, e.g. that this is no legal advice."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
        FieldPanel("rules"),
        FieldPanel("result_note"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = ["summary", "intro"]
    # Keys, tags, kinds, areas and urgencies inside the two StreamFields are
    # RegexBlock/ChoiceBlock values that wagtail-localize copies unchanged
    # (see ipcheck.blocks), so the branching and the rules hold in every locale.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("summary"),
        TranslatableField("intro"),
        TranslatableField("questions"),
        TranslatableField("rules"),
        TranslatableField("result_note"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("IP self-check")

    @cached_property
    def questionnaire(self):
        return Questionnaire(self.questions)

    @cached_property
    def rule_list(self):
        return read_rules(self.rules)

    def clean(self):
        super().clean()
        offered = set()
        for child in self.questions:
            for option in child.value["options"]:
                offered |= parse_tags(option["tags"])
        unknown = set()
        for child in self.rules:
            unknown |= parse_tags(child.value["when"]) - offered
        if unknown:
            raise ValidationError(
                {
                    "rules": _("No answer carries these tags, so a rule could never fire: %(tags)s")
                    % {"tags": ", ".join(sorted(unknown))}
                }
            )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Answers and results are the visitor's own: never cache them anywhere.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        return response

    @path("")
    def step_view(self, request):
        from ipcheck import views

        return views.step(self, request)

    @path("result/")
    def result_view(self, request):
        from ipcheck import views

        return views.result(self, request)

    @path("result/pdf/")
    def pdf_view(self, request):
        from ipcheck import views

        return views.result_pdf(self, request)

    @path("restart/")
    def restart_view(self, request):
        from ipcheck import views

        return views.restart(self, request)


class IPCheckCount(models.Model):
    """How often a check was completed, a rule fired or a tag was chosen:
    counters only, per IP check (all its translations together)."""

    COMPLETED = "completed"
    RULE = "rule"
    TAG = "tag"
    DIMENSIONS = [(COMPLETED, _("completed")), (RULE, _("rule")), (TAG, _("tag"))]

    check_key = models.UUIDField(_("IP check"), db_index=True)
    dimension = models.CharField(_("counted"), max_length=10, choices=DIMENSIONS)
    key = models.CharField(_("key"), max_length=50, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("IP self-check count")
        constraints = [
            models.UniqueConstraint(
                fields=["check_key", "dimension", "key"], name="ipcheck_count_unique"
            )
        ]
        permissions = [("view_ipcheck_report", "Can see anonymous IP self-check counts")]

    def __str__(self):
        return f"{self.dimension} {self.key}: {self.count}"

    @classmethod
    def record(cls, check_key, rule_keys, tags):
        """Add one completed check, its fired rules and its tags: two queries."""
        rows = [(cls.COMPLETED, "")]
        rows += [(cls.RULE, key) for key in sorted(set(rule_keys))]
        rows += [(cls.TAG, tag) for tag in sorted(tags)]
        cls.objects.bulk_create(
            [cls(check_key=check_key, dimension=d, key=k) for d, k in rows],
            ignore_conflicts=True,
        )
        match = Q()
        for dimension, key in rows:
            match |= Q(dimension=dimension, key=key)
        cls.objects.filter(match, check_key=check_key).update(count=F("count") + 1)
