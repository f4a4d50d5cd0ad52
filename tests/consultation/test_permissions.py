"""Who moderates which consultation: a partner's editors only those on
documents in their own section; moderators and admins all; translators and
learners none. Checked over HTTP, both ways, and in the daily digest."""

import csv
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from consultation.models import ResponseStatus

ALLOWED = {
    "editor_lisbon": {"lisbon"},
    "editor_leipzig": {"leipzig"},
    "moderator": {"lisbon", "leipzig", "network"},
    "admin": {"lisbon", "leipzig", "network"},
    "translator": set(),
    "learner": set(),
}


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_queue_lists_only_what_the_user_moderates(client, shared_world, role):
    client.force_login(shared_world["users"][role])
    answer = client.get(reverse("consultation_responses:index"))
    if not ALLOWED[role]:
        assert answer.status_code in (302, 403)
        return
    assert answer.status_code == 200
    html = answer.content.decode()
    for name, response in shared_world["responses"].items():
        assert (f"#{response.pk} ·" in html) == (name in ALLOWED[role]), name


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_moderating_each_response(client, shared_world, role):
    client.force_login(shared_world["users"][role])
    for name, response in shared_world["responses"].items():
        edit = reverse("consultation_responses:edit", args=[response.pk])
        answer = client.post(edit, {"status": "approved", "reply": f"Thanks, {role}"})
        response.refresh_from_db()
        if name in ALLOWED[role]:
            assert answer.status_code == 302, (name, answer.content.decode()[:500])
            assert response.status == ResponseStatus.APPROVED
            assert response.reply == f"Thanks, {role}"
        else:
            assert answer.status_code in (302, 403, 404), name
            assert response.status == ResponseStatus.PENDING, name
            assert response.reply == "", name


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_summary_and_export(client, shared_world, role):
    client.force_login(shared_world["users"][role])
    for name, consultation in shared_world["consultations"].items():
        summary = client.get(reverse("consultation_summary", args=[consultation.pk]))
        export = client.get(reverse("consultation_export", args=[consultation.pk]))
        if name in ALLOWED[role]:
            assert summary.status_code == 200
            assert export.status_code == 200
            _header, *rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
            assert [row[6] for row in rows] == [f"About the {name} guide"]
        else:
            assert summary.status_code in (302, 403), name
            assert export.status_code in (302, 403), name
            assert b"About the" not in export.content


def test_reports_index_lists_own_consultations(client, shared_world):
    client.force_login(shared_world["users"]["editor_leipzig"])
    html = client.get(reverse("consultation_reports")).content.decode()
    assert "Leipzig guide" in html
    assert "Lisbon guide" not in html and "Network guide" not in html


def test_only_moderators_delete(client, shared_world):
    response = shared_world["responses"]["lisbon"]
    delete = reverse("consultation_responses:delete", args=[response.pk])
    client.force_login(shared_world["users"]["editor_lisbon"])
    client.post(delete)
    assert type(response).objects.filter(pk=response.pk).exists()
    client.force_login(shared_world["users"]["moderator"])
    assert client.post(delete).status_code == 302
    assert not type(response).objects.filter(pk=response.pk).exists()


def test_digest_goes_to_each_moderator_with_their_own_queue(shared_world):
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_consultation_digest", stdout=out)
    by_user = {message.to[0]: message.body for message in mail.outbox}
    assert set(by_user) == {
        "editor_lisbon@example.org",
        "editor_leipzig@example.org",
        "moderator@example.org",
        "admin@example.org",
    }
    lisbon = by_user["editor_lisbon@example.org"]
    assert "Consultation on Lisbon guide: 1" in lisbon
    assert "Leipzig" not in lisbon and "Network" not in lisbon
    moderator = by_user["moderator@example.org"]
    assert "3 consultation responses wait for moderation" in moderator
    assert "http://testserver/admin/consultation_responses/?status=pending" in moderator
    assert "Digest sent to 4 moderator(s)." in out.getvalue()


def test_digest_sends_nothing_when_nothing_waits(shared_world, client):
    for response in shared_world["responses"].values():
        response.status = ResponseStatus.APPROVED
        response.save()
    mail.outbox.clear()
    call_command("send_consultation_digest", stdout=io.StringIO())
    assert mail.outbox == []


@pytest.mark.parametrize("view", ["inspect", "history", "usage", "delete", "edit"])
def test_another_sections_response_is_not_found(client, shared_world, view):
    client.force_login(shared_world["users"]["editor_lisbon"])
    own = shared_world["responses"]["lisbon"]
    other = shared_world["responses"]["leipzig"]
    url = f"consultation_responses:{view}"
    # Partner editors moderate but do not delete: Wagtail's "permission denied" redirect.
    expected = 302 if view == "delete" else 200
    assert client.get(reverse(url, args=[own.pk])).status_code == expected
    answer = client.get(reverse(url, args=[other.pk]))
    assert answer.status_code == 404
    assert b"About the leipzig guide" not in answer.content
