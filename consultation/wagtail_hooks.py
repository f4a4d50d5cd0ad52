"""Consultations in the admin.

- **Consultations** are snippets (translatable, like the taxonomy): the
  document, dates, questions, summary and "what changed". A snippet rather
  than an inline panel on the page: a consultation has its own life (it
  opens, closes and is summarised while the page keeps being edited and
  moderated), it must not need the page to be published again, and
  wagtail-localize translates it on its own.
- **Consultation responses** is the moderation queue (``ResponsePolicy``).
- Reports → **Consultations**: per consultation, pending count, summary and
  CSV export.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from consultation import admin_views, bulk, moderation, search
from consultation.admin_forms import ModerationForm
from consultation.models import Consultation, ConsultationResponse
from knowledgebase.models.base import SEARCH_TEXT_BATCH_HOOK, SEARCH_TEXT_HOOK

register_permission_policy(ConsultationResponse, moderation.ResponsePolicy(ConsultationResponse))


class ConsultationViewSet(SnippetViewSet):
    model = Consultation
    icon = "comment"
    menu_label = _("Consultations")
    add_to_admin_menu = True
    menu_order = 810
    list_display = ["title", "page", "opens_on", "closes_on"]
    list_filter = ["locale"]


register_snippet(ConsultationViewSet)


class ResponseIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return moderation.visible_responses(self.request.user).select_related("consultation")

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Moderate several"), url=reverse("consultation_bulk"), icon_name="tasks"
            ),
        ]


class OwnResponseMixin:
    """Open a response only from the user's own queue: Wagtail's generic
    views check the model permission, not the instance."""

    def get_base_object_queryset(self):
        return moderation.visible_responses(self.request.user)

    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[getattr(self, "pk_url_kwarg", "pk")]))
        return get_object_or_404(self.get_base_object_queryset(), pk=pk)


class ResponseEditView(OwnResponseMixin, ModelViewSet.edit_view_class):
    pass


class ResponseDeleteView(OwnResponseMixin, ModelViewSet.delete_view_class):
    pass


class ResponseInspectView(OwnResponseMixin, ModelViewSet.inspect_view_class):
    pass


class ResponseHistoryView(OwnResponseMixin, ModelViewSet.history_view_class):
    pass


class ResponseUsageView(OwnResponseMixin, ModelViewSet.usage_view_class):
    pass


class ResponseViewSet(ModelViewSet):
    model = ConsultationResponse
    icon = "comment"
    menu_label = _("Consultation responses")
    add_to_admin_menu = True
    menu_order = 811
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ResponseIndexView
    edit_view_class = ResponseEditView
    delete_view_class = ResponseDeleteView
    inspect_view_class = ResponseInspectView
    history_view_class = ResponseHistoryView
    usage_view_class = ResponseUsageView
    list_display = [
        "__str__",
        "excerpt",
        "status",
        "language",
        "organisation_type",
        "country",
        "created_at",
    ]
    list_filter = ["status", "language", "organisation_type", "consultation"]
    inspect_view_fields = [
        "consultation",
        "status",
        "language",
        "section_title",
        "comment",
        "answers",
        "name",
        "email",
        "organisation_type",
        "country",
        "sector",
        "consent",
        "created_at",
        "confirmed_at",
        "moderated_at",
        "reply",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("consultation", read_only=True),
            FieldPanel("section_title", read_only=True),
            FieldPanel("comment", read_only=True),
            FieldPanel("answers", read_only=True),
            FieldPanel("organisation_type", read_only=True),
            FieldPanel("country", read_only=True),
            FieldPanel("consent", read_only=True),
            FieldPanel("status"),
            FieldPanel("reply"),
        ],
        base_form_class=ModerationForm,
    )

    def get_urlpatterns(self):
        # No add view: responses come from the public form only.
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("add",)]


@hooks.register("register_admin_viewset")
def consultation_responses():
    return ResponseViewSet("consultation_responses")


@hooks.register("register_admin_urls")
def consultation_report_urls():
    return [
        path("consultations/moderate/", bulk.bulk_moderate, name="consultation_bulk"),
        path("consultations/reports/", admin_views.report_index, name="consultation_reports"),
        path(
            "consultations/reports/<int:pk>/",
            admin_views.summary,
            name="consultation_summary",
        ),
        path(
            "consultations/reports/<int:pk>/export.csv",
            admin_views.export,
            name="consultation_export",
        ),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return moderation.can_moderate_any(request.user)


@hooks.register("register_reports_menu_item")
def consultation_report_menu_item():
    return ReportMenuItem(
        _("Consultations"),
        reverse("consultation_reports"),
        name="consultation-reports",
        icon_name="comment",
        order=910,
    )


@hooks.register(SEARCH_TEXT_HOOK)
def consultation_search_text(page):
    return search.page_text(page)


@hooks.register(SEARCH_TEXT_BATCH_HOOK)
def consultation_search_text_batch(objs):
    return search.preloaded(objs)
