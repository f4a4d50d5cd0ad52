"""Contact messages in the Wagtail admin: read-only, for staff.

Who sees which (the rule is ``ContactMessagePolicy``):
- users with the "view contact message" permission (Moderators, given it by
  migration 0005, and superusers) see every message;
- a partner's editors (members of its section's group) see the messages
  sent to their own partner, in any language;
- nobody else sees the menu item, the list or a message. Nobody can add,
  edit or delete one here: old messages are deleted after
  CONTACT_MESSAGE_RETENTION_DAYS.
"""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from partners.models import ContactMessage, PartnerSection


class ContactMessagePolicy(ModelPermissionPolicy):
    def _partner_keys(self, user):
        return PartnerSection.objects.filter(group__user=user).values("translation_key")

    def _sees_all(self, user):
        return super().user_has_permission(user, "view")

    def user_has_permission(self, user, action):
        if action != "view" or not user.is_active:
            return False
        return self._sees_all(user) or self._partner_keys(user).exists()

    def instances_user_has_permission_for(self, user, action):
        messages = ContactMessage.objects.select_related("partner")
        if not self.user_has_permission(user, action):
            return messages.none()
        if self._sees_all(user):
            return messages
        return messages.filter(partner__translation_key__in=self._partner_keys(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


class VisibleMessagesMixin:
    def visible_messages(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view")


class ContactMessageIndexView(VisibleMessagesMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.visible_messages()


class ContactMessageInspectView(VisibleMessagesMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.visible_messages(), pk=self.pk)


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Contact messages")
    add_to_admin_menu = True
    menu_order = 800
    copy_view_enabled = False
    # Messages are no "usage" of a partner page to list on it.
    add_to_reference_index = False
    inspect_view_enabled = True
    index_view_class = ContactMessageIndexView
    inspect_view_class = ContactMessageInspectView
    list_display = ["name", "partner", "email", "status", "created_at"]
    list_filter = ["status"]
    inspect_view_fields = ["partner", "name", "email", "message", "created_at", "status", "error"]

    def get_urlpatterns(self):
        # Read-only: the list and one message; no views to add, edit or delete.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
