"""The two-step workflow, translators' rights and scheduled publishing."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.translation import translate_object
from partners.models import HubPage

from .admin_forms import page_form_data
from .conftest import add_page, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_draft(partners, users):
    from knowledgebase.models import NewsPage

    return add_page(
        partners["lisbon"],
        NewsPage,
        publish=False,
        title="Spring open day",
        slug="open-day",
        date=datetime.date(2025, 4, 1),
        owner=users["editor_lisbon"],
    )


def test_editor_submits_and_two_steps_publish(client, news_draft, users, partners, make_user):
    from partners.sections import section_for

    client.force_login(users["editor_lisbon"])
    url = reverse("wagtailadmin_pages:edit", args=[news_draft.pk])
    data = page_form_data(news_draft, users["editor_lisbon"], **{"action-submit": "1"})
    response = client.post(url, data)
    assert response.status_code == 302
    news_draft.refresh_from_db()
    state = news_draft.current_workflow_state
    assert state is not None and state.status == "in_progress"
    partner_task = state.current_task_state.task.specific
    assert partner_task.name == "Partner review: Hub Lisbon"
    assert not news_draft.live

    # Another partner's editor may not review it; the partner's own may.
    assert not partner_task.user_can_access_editor(news_draft, users["editor_leipzig"])
    assert partner_task.get_actions(news_draft, users["editor_leipzig"]) == []
    assert partner_task.get_actions(news_draft, users["moderator"]) == []
    # The submitter never reviews their own page (test_review_by_others.py);
    # another editor of the same partner does.
    colleague = make_user("editor_lisbon_2", section_for(partners["lisbon"]).group)
    assert partner_task.get_actions(news_draft, colleague)

    state.current_task_state.task.specific.on_action(state.current_task_state, colleague, "approve")
    state.refresh_from_db()
    network_task = state.current_task_state.task.specific
    assert network_task.name == "Network moderation"
    assert not network_task.get_actions(news_draft, users["editor_lisbon"])
    news_draft.refresh_from_db()
    assert not news_draft.live

    network_task.on_action(state.current_task_state, users["moderator"], "approve")
    news_draft.refresh_from_db()
    assert news_draft.live
    assert news_draft.current_workflow_state is None


def test_scheduled_publishing(news_draft):
    news_draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = news_draft.save_revision()
    revision.publish()
    news_draft.refresh_from_db()
    assert not news_draft.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    # The day comes: move the scheduled time into the past (in the revision
    # and its approval, as if a day had passed) and run the command.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    news_draft.refresh_from_db()
    assert news_draft.live


@pytest.fixture
def german_hub(home_all_locales, directory, partners, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(directory, "de", {"Partners": "Partner"})
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(partners["lisbon"], "de", {"Hub Lisbon": "Hub Lissabon"})
    return HubPage.objects.get(
        translation_key=partners["lisbon"].translation_key, locale__language_code="de"
    )


def test_translator_edits_translations_not_source(client, german_hub, partners, users):
    client.force_login(users["translator"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[german_hub.pk])).status_code == 200
    source = client.get(reverse("wagtailadmin_pages:edit", args=[partners["lisbon"].pk]))
    assert source.status_code == 302 and source["Location"] == "/admin/"
    # The partner's editors edit source content, not the translation.
    client.force_login(users["editor_lisbon"])
    other = client.get(reverse("wagtailadmin_pages:edit", args=[german_hub.pk]))
    assert other.status_code == 302 and other["Location"] == "/admin/"


def test_translation_keeps_links_in_its_own_locale(german_hub, partners):
    assert german_hub.title == "Hub Lissabon"
    # Terms were copied from English, then pointed at the German copies
    # where those exist (here the taxonomy is only in English: kept).
    assert {s.slug for s in german_hub.sectors.all()} == {"design", "crafts"}
    assert german_hub.latitude == partners["lisbon"].latitude


def test_one_section_per_partner_across_languages(german_hub, partners):
    from partners.models import PartnerSection
    from partners.sections import section_for

    assert section_for(german_hub) == section_for(partners["lisbon"])
    assert PartnerSection.objects.count() == 4


def test_new_partner_in_admin_gets_its_group(client, directory, users):
    client.force_login(users["admin"])
    url = reverse("wagtailadmin_pages:add", args=["partners", "hubpage", directory.pk])
    response = client.get(url)
    assert response.status_code == 200
    page = HubPage(title="Hub Vilnius", slug="hub-vilnius")
    data = page_form_data_for_new(page, directory, users["admin"])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name="Partner: Hub Vilnius").exists()
    created = HubPage.objects.get(slug="hub-vilnius")
    assert created.get_workflow().name == "Hub Vilnius: partner review, then network moderation"


def page_form_data_for_new(page, parent, user):
    from .admin_forms import _form_fields

    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=parent, for_user=user)
    data = {}
    _form_fields(form, data)
    data.update(title=page.title, slug=page.slug)
    return data


def test_draft_partner_of_a_section_is_not_public(client, directory):
    draft = make_partner(directory, HubPage, "hidden", "Hidden Hub", "FR", 48.8, 2.3, publish=False)
    assert client.get("/en/partners/hidden/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/", follow=True).status_code == 404
