"""The partner-review step: the person who submitted a page can neither see
nor use "Approve" on it; another editor of the same partner can."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from partners.models import PartnerReviewTask
from partners.sections import section_for

from .admin_forms import page_form_data
from .conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(partners, make_user):
    return make_user("editor_lisbon_2", section_for(partners["lisbon"]).group)


@pytest.fixture
def submitted(client, partners, users):
    """A news draft in the Lisbon section, submitted by its editor."""
    from knowledgebase.models import NewsPage

    page = add_page(
        partners["lisbon"],
        NewsPage,
        publish=False,
        title="Kiln day",
        slug="kiln-day",
        date=datetime.date(2025, 4, 1),
        owner=users["editor_lisbon"],
    )
    client.force_login(users["editor_lisbon"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_form_data(page, users["editor_lisbon"], **{"action-submit": "1"})
    assert client.post(url, data).status_code == 302
    client.logout()
    page.refresh_from_db()
    return page


def task_state(page):
    return page.current_workflow_state.current_task_state


def approve_url(page, state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])


def test_the_review_step_is_a_partner_review_task(submitted):
    assert isinstance(task_state(submitted).task.specific, PartnerReviewTask)


def test_submitter_sees_no_approve(client, submitted, users, colleague):
    task = task_state(submitted).task.specific
    assert task.get_actions(submitted, users["editor_lisbon"]) == []
    assert "approve" in [name for name, _label, _modal in task.get_actions(submitted, colleague)]

    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    client.force_login(users["editor_lisbon"])
    html = client.get(edit).content.decode()
    assert 'name="workflow-action-name"' not in html and "/approve/" not in html
    client.force_login(colleague)
    assert "/approve/" in client.get(edit).content.decode()


def test_dashboard_lists_it_for_the_colleague_only(submitted, users, colleague):
    task = task_state(submitted).task.specific
    assert not task.get_task_states_user_can_moderate(users["editor_lisbon"]).exists()
    assert task.get_task_states_user_can_moderate(colleague).exists()


def test_forged_approval_by_the_submitter_is_refused(client, submitted, users):
    state = task_state(submitted)
    client.force_login(users["editor_lisbon"])
    # Wagtail's workflow action view...
    response = client.post(approve_url(submitted, state), {"comment": ""})
    # (the admin answers PermissionDenied with a redirect to the dashboard)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    # ...and the edit form's workflow action.
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    data = page_form_data(
        submitted,
        users["editor_lisbon"],
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    client.post(edit, data)
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS
    submitted.refresh_from_db()
    assert task_state(submitted).pk == state.pk
    assert not submitted.live
    # And the task itself refuses, whoever calls it.
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        state.task.specific.on_action(state, users["editor_lisbon"], "approve")
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS


def test_a_colleague_approves_through_the_admin(client, submitted, colleague):
    state = task_state(submitted)
    client.force_login(colleague)
    response = client.post(approve_url(submitted, state), {"comment": "Fine"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED
    submitted.refresh_from_db()
    assert task_state(submitted).task.name == "Network moderation"
