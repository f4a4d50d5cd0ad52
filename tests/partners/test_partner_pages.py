import pytest
from django.core import mail

from partners.models import PartnerSection
from partners.sections import NETWORK_TASK

pytestmark = pytest.mark.django_db


def test_hub_page_shows_profile_without_the_email_address(client, partners, exchanges):
    response = client.get(partners["lisbon"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hub Lisbon" in html
    assert "hub-lisbon@example.org" not in html
    assert 'id="contact"' in html
    # It lists its exchange.
    assert "Lisbon meets Leipzig" in html
    assert "Porto and Graz" not in html


def test_education_partner_page_renders_type(client, partners):
    html = client.get(partners["graz"].url).content.decode()
    assert "University" in html


def test_contact_form_emails_the_partner(client, partners):
    url = partners["lisbon"].url
    response = client.post(
        url, {"name": "Ana", "email": "ana@example.com", "message": "Hello, twin?", "homepage": ""}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hub-lisbon@example.org"]
    assert message.reply_to == ["ana@example.com"]
    assert "Hello, twin?" in message.body


def test_contact_form_honeypot_sends_nothing(client, partners):
    response = client.post(
        partners["lisbon"].url,
        {"name": "Bot", "email": "bot@example.com", "message": "buy", "homepage": "http://spam"},
    )
    assert response.status_code == 302
    assert mail.outbox == []


def test_contact_form_bad_input_is_a_form_error(client, partners):
    response = client.post(partners["lisbon"].url, {"name": "", "email": "not-an-email"})
    assert response.status_code == 400
    assert mail.outbox == []
    assert "form-error" in response.content.decode()


def test_contact_form_is_rate_limited(client, partners):
    from django.core.cache import cache

    cache.clear()
    data = {"name": "Ana", "email": "ana@example.com", "message": "Hi", "homepage": ""}
    statuses = [client.post(partners["lisbon"].url, data).status_code for _ in range(7)]
    assert statuses[:5] == [302] * 5
    assert statuses[5:] == [429, 429]
    assert len(mail.outbox) == 5
    cache.clear()


def test_each_partner_gets_a_section_with_two_step_workflow(partners):
    section = PartnerSection.objects.get(translation_key=partners["lisbon"].translation_key)
    assert section.group.name == "Partner: Hub Lisbon"
    assert section.collection.name == "Hub Lisbon"
    tasks = [task.name for task in section.workflow.tasks]
    assert tasks == ["Partner review: Hub Lisbon", NETWORK_TASK]
    assert [g.name for g in section.workflow.tasks[0].specific.groups.all()] == [
        "Partner: Hub Lisbon"
    ]
    assert partners["lisbon"].get_workflow() == section.workflow
    # Four partners, four sections.
    assert PartnerSection.objects.count() == 4
