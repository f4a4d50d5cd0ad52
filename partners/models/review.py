"""The partner-review step of a partner's workflow: a group approval in
which the person who submitted the page (or wrote the revision under
review) is no reviewer. They see no approve or reject action, the dashboard
does not list the page as theirs to review, and an approval they post
anyway is refused.

A proxy of Wagtail's GroupApprovalTask: same table, same groups; only the
task's content type says which rules apply (partners.sections creates it,
migration 0006 converts the existing ones)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask


def submitters(obj) -> set[int]:
    """Who submitted ``obj``'s workflow in progress, and who wrote the
    revision its current task reviews."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None:
        return set()
    people = {state.requested_by_id}
    task_state = state.current_task_state
    if task_state is not None and task_state.revision_id:
        people.add(task_state.revision.user_id)
    return {pk for pk in people if pk is not None}


class PartnerReviewTask(GroupApprovalTask):
    class Meta:
        proxy = True
        verbose_name = _("partner review task")
        verbose_name_plural = _("partner review tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the partner's group approve; the person who submitted never approves "
            "their own submission"
        )

    def get_actions(self, obj, user):
        if user.pk in submitters(obj):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if user is not None and user.pk in submitters(task_state.workflow_state.content_object):
            raise PermissionDenied(_("You cannot review your own submission."))
        return super().on_action(task_state, user, action_name, **kwargs)
