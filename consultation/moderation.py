"""Who moderates which responses.

- Superusers and users with "Can change consultation response" (the
  Moderators group, given it by migration 0002) moderate every consultation.
- A partner's editors (members of its section's group, partners/sections.py)
  moderate consultations on documents in their partner's section: pages
  under their partner page, in any language.
- Nobody else sees the queue. Responses still waiting for e-mail
  confirmation are in nobody's queue.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from consultation.models import Consultation, ConsultationResponse, ResponseStatus
from partners.models import PartnerSection


def sees_all(user) -> bool:
    return bool(
        user.is_active
        and (user.is_superuser or user.has_perm("consultation.change_consultationresponse"))
    )


def section_paths(user) -> list[str]:
    """Tree paths of every language version of the user's partner pages."""
    if not user.is_active or not user.is_authenticated:
        return []
    keys = PartnerSection.objects.filter(group__user=user).values("translation_key")
    return list(Page.objects.filter(translation_key__in=keys).values_list("path", flat=True))


def can_moderate_any(user) -> bool:
    return sees_all(user) or bool(section_paths(user))


def moderated_consultations(user):
    consultations = Consultation.objects.all()
    if sees_all(user):
        return consultations
    paths = section_paths(user)
    if not paths:
        return consultations.none()
    under = Q()
    for path in paths:
        under |= Q(page__path__startswith=path)
    return consultations.filter(under)


def visible_responses(user):
    """The responses in ``user``'s queue (confirmed ones, any status)."""
    responses = ConsultationResponse.objects.exclude(status=ResponseStatus.UNCONFIRMED)
    if sees_all(user):
        return responses
    keys = moderated_consultations(user).values("translation_key")
    return responses.filter(consultation__translation_key__in=keys)


def may_moderate(user, consultation) -> bool:
    return (
        moderated_consultations(user).filter(translation_key=consultation.translation_key).exists()
    )


class ResponsePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if action in ("view", "change"):
            return can_moderate_any(user)
        if action == "delete":
            return sees_all(user)
        return False

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return ConsultationResponse.objects.none()
        return visible_responses(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
