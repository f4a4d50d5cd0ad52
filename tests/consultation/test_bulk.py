"""Bulk moderation: several responses at once, each one checked against the
user's own queue. Both ways: who may act on what, and forged ids."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consultation.models import ConsultationResponse, ResponseStatus

from .conftest import make_consultation, submit_and_confirm
from .test_permissions import ALLOWED

BULK = "/admin/consultations/moderate/"


def statuses(world):
    return {
        name: ConsultationResponse.objects.get(pk=r.pk).status
        for name, r in world["responses"].items()
    }


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_bulk_page_lists_only_own_queue(client, shared_world, role):
    client.force_login(shared_world["users"][role])
    answer = client.get(BULK)
    if not ALLOWED[role]:
        assert answer.status_code in (302, 403)
        return
    assert answer.status_code == 200
    html = answer.content.decode()
    for name, response in shared_world["responses"].items():
        assert (f'value="{response.pk}"' in html) == (name in ALLOWED[role]), name


@pytest.mark.parametrize("role", sorted(ALLOWED))
@pytest.mark.parametrize(
    "action,status", [("approve", "approved"), ("reject", "rejected"), ("spam", "spam")]
)
def test_bulk_acts_on_own_responses(client, shared_world, role, action, status):
    client.force_login(shared_world["users"][role])
    own = [r.pk for name, r in shared_world["responses"].items() if name in ALLOWED[role]]
    answer = client.post(BULK, {"action": action, "response": [str(pk) for pk in own] or ["1"]})
    now = statuses(shared_world)
    if not ALLOWED[role]:
        assert answer.status_code in (302, 403)
        assert set(now.values()) == {ResponseStatus.PENDING}
        return
    assert answer.status_code == 302
    for name, value in now.items():
        assert value == (status if name in ALLOWED[role] else ResponseStatus.PENDING), name
    moderated = ConsultationResponse.objects.get(pk=own[0])
    assert moderated.moderated_by == shared_world["users"][role]
    assert moderated.moderated_at is not None


@pytest.mark.parametrize("action", ["approve", "reject", "spam"])
def test_forged_ids_of_another_section_change_nothing(client, shared_world, action):
    """A Lisbon editor ticks their own response and adds Leipzig's id by hand:
    404 and nothing changes, not even their own."""
    client.force_login(shared_world["users"]["editor_lisbon"])
    own = shared_world["responses"]["lisbon"].pk
    for other in ("leipzig", "network"):
        forged = shared_world["responses"][other].pk
        answer = client.post(BULK, {"action": action, "response": [str(own), str(forged)]})
        assert answer.status_code == 404
        assert b"About the leipzig guide" not in answer.content
    assert set(statuses(shared_world).values()) == {ResponseStatus.PENDING}


def test_unconfirmed_and_unknown_ids_are_refused(client, shared_world, shared_moderator):
    client.force_login(shared_moderator)
    own = shared_world["responses"]["network"]
    unconfirmed = ConsultationResponse.objects.create(
        consultation=own.consultation, language="en", comment="Not yet", email="x@example.org"
    )
    for extra in (unconfirmed.pk, 999999):
        answer = client.post(BULK, {"action": "approve", "response": [str(own.pk), str(extra)]})
        assert answer.status_code == 404
    own.refresh_from_db()
    unconfirmed.refresh_from_db()
    assert own.status == ResponseStatus.PENDING
    assert unconfirmed.status == ResponseStatus.UNCONFIRMED


def test_bad_forms_are_400_and_change_nothing(client, shared_world, shared_moderator):
    client.force_login(shared_moderator)
    pk = str(shared_world["responses"]["network"].pk)
    for data in (
        {"action": "approve"},
        {"action": "delete", "response": [pk]},
        {"action": "", "response": [pk]},
        {"action": "approve", "response": ["abc"]},
        {"action": "approve", "response": ["-1"]},
        {"action": "approve", "response": ["٣"]},
        {"action": "approve", "response": ["1\x00"]},
        {"action": "approve", "response": ["9" * 40]},
    ):
        answer = client.post(BULK, data)
        assert answer.status_code == 400, data
    assert client.put(BULK).status_code == 405
    assert set(statuses(shared_world).values()) == {ResponseStatus.PENDING}


def test_a_moderated_response_can_be_moderated_again(client, shared_world, shared_moderator):
    client.force_login(shared_moderator)
    pk = str(shared_world["responses"]["network"].pk)
    assert client.post(BULK, {"action": "spam", "response": [pk]}).status_code == 302
    assert client.post(BULK, {"action": "approve", "response": [pk]}).status_code == 302
    assert statuses(shared_world)["network"] == ResponseStatus.APPROVED
    # The bulk page lists only what is pending.
    assert f'value="{pk}"'.encode() not in client.get(BULK).content


def test_queue_links_to_bulk_page(client, shared_world, shared_moderator):
    client.force_login(shared_moderator)
    assert BULK in client.get(reverse("consultation_responses:index")).content.decode()


def test_bulk_queries_do_not_grow(
    client, guideline, shared_moderator, django_assert_max_num_queries
):
    consultation = make_consultation(guideline)
    pks = [str(submit_and_confirm(client, consultation).pk) for _ in range(3)]
    client.force_login(shared_moderator)
    client.get(BULK)
    with CaptureQueriesContext(connection) as few:
        client.get(BULK)
    listed = len(few.captured_queries)
    assert listed <= 12
    with django_assert_max_num_queries(12):
        client.post(BULK, {"action": "approve", "response": pks})
    more = [str(submit_and_confirm(client, consultation).pk) for _ in range(6)]
    with django_assert_max_num_queries(listed):
        client.get(BULK)
    with django_assert_max_num_queries(12):
        client.post(BULK, {"action": "reject", "response": more})


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    action=st.text(max_size=12),
    ids=st.lists(st.text(max_size=15) | st.integers().map(str), max_size=5),
)
def test_fuzz_bulk(client, shared_moderator, action, ids):
    client.force_login(shared_moderator)
    answer = client.post(BULK, {"action": action, "response": ids})
    assert answer.status_code in (302, 400, 404)
