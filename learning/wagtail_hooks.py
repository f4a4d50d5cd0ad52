"""Admin: ESCO concepts as read-only snippets (they come from import_esco)
and the educators' progress report (counts only, never names)."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learning import progress
from learning.models import IscoGroup, Occupation, Skill

REPORT_PERMISSION = "learning.view_progress_report"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Anyone with the view permission may look; nobody edits in the admin:
    ``import_esco`` is the only writer."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete", "publish", "lock", "unlock"}:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [a for a in actions if a not in {"add", "change", "delete"}]
        return super().users_with_any_permission(actions or ["view"])


class ConceptViewSet(SnippetViewSet):
    inspect_view_enabled = True
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False


class IscoGroupViewSet(ConceptViewSet):
    model = IscoGroup
    icon = "folder-open-inverse"
    list_display = ["code", "__str__"]
    search_fields = ["code", "labels__preferred_label"]
    inspect_view_fields = ["uri", "code", "parent"]


class OccupationViewSet(ConceptViewSet):
    model = Occupation
    icon = "user"
    list_display = ["__str__", "isco_code", "code"]
    search_fields = ["uri", "labels__preferred_label"]
    inspect_view_fields = ["uri", "code", "isco_group", "broader"]


class SkillViewSet(ConceptViewSet):
    model = Skill
    icon = "tick-inverse"
    list_display = ["__str__", "skill_type", "reuse_level", "transversal"]
    list_filter = ["skill_type", "reuse_level", "transversal", "is_group"]
    search_fields = ["uri", "labels__preferred_label"]
    inspect_view_fields = ["uri", "skill_type", "reuse_level", "transversal", "is_group", "broader"]


class EscoGroup(SnippetViewSetGroup):
    items = (OccupationViewSet, SkillViewSet, IscoGroupViewSet)
    menu_icon = "tag"
    menu_label = _("ESCO")
    menu_name = "esco"


for _model in (IscoGroup, Occupation, Skill):
    register_permission_policy(_model, ReadOnlyPolicy(_model))
register_snippet(EscoGroup)


@permission_required(REPORT_PERMISSION, raise_exception=True)
def progress_report(request):
    return render(request, "learning/admin/progress_report.html", {"rows": progress.path_report()})


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("learning/progress/", progress_report, name="learning_progress_report")]


class ProgressReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ProgressReportMenuItem(
        _("Learning paths"),
        reverse("learning_progress_report"),
        name="learning-progress",
        icon_name="list-ol",
        order=900,
    )
