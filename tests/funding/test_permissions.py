"""Partners add national and regional opportunities in their own section,
and only there."""

import pytest
from django.urls import reverse

from funding.models import FundingOpportunityPage
from tests.partners.admin_forms import _form_fields


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["funding", "fundingopportunitypage", parent.pk])


def new_page_data(parent, user, slug):
    page = FundingOpportunityPage(
        title="Regional design voucher",
        slug=slug,
        funder="Region",
        instrument="voucher",
        official_url="https://example.org/voucher",
    )
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=parent, for_user=user)
    data = {}
    _form_fields(form, data)
    data.update(
        title=page.title,
        slug=slug,
        funder=page.funder,
        instrument="voucher",
        official_url=page.official_url,
        applicant_types=["sme", "micro"],
        purposes=["transition"],
        amount_max="5000",
    )
    data["deadlines-count"] = "1"
    data["deadlines-0-type"] = "deadline"
    data["deadlines-0-deleted"] = ""
    data["deadlines-0-order"] = "0"
    data["deadlines-0-value-date"] = "2030-05-31"
    data["deadlines-0-value-label"] = "only round"
    return data


def test_partner_section_accepts_opportunities():
    from partners.models import EducationPartnerPage, HubPage

    assert FundingOpportunityPage in HubPage.allowed_subpage_models()
    assert FundingOpportunityPage in EducationPartnerPage.allowed_subpage_models()


@pytest.mark.django_db
def test_partner_editor_adds_an_opportunity_in_own_section(client, partners, users):
    editor, lisbon = users["editor_lisbon"], partners["lisbon"]
    client.force_login(editor)
    assert client.get(add_url(lisbon)).status_code == 200
    response = client.post(add_url(lisbon), new_page_data(lisbon, editor, "lisbon-voucher"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FundingOpportunityPage.objects.get(slug="lisbon-voucher")
    assert page.get_parent().pk == lisbon.pk
    assert not page.live  # partner editors save drafts for moderation
    draft = page.get_latest_revision_as_object()
    assert draft.applicant_types == ["sme", "micro"]
    assert [str(d) for d in draft.deadline_dates()] == ["2030-05-31"]


@pytest.mark.django_db
def test_partner_editor_cannot_add_in_another_section(client, partners, users):
    editor, leipzig = users["editor_lisbon"], partners["leipzig"]
    client.force_login(editor)
    response = client.get(add_url(leipzig))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    response = client.post(add_url(leipzig), new_page_data(leipzig, editor, "stolen-voucher"))
    assert response.status_code in (302, 403)
    assert not FundingOpportunityPage.objects.filter(slug="stolen-voucher").exists()


@pytest.mark.django_db
def test_partner_editor_cannot_add_under_the_network_finder(client, partners, users, home):
    from funding.models import FundingIndexPage

    finder = FundingIndexPage(title="Funding", slug="funding")
    home.add_child(instance=finder)
    finder.save_revision().publish()
    editor = users["editor_leipzig"]
    client.force_login(editor)
    response = client.post(add_url(finder), new_page_data(finder, editor, "sneaky"))
    assert response.status_code in (302, 403)
    assert not FundingOpportunityPage.objects.filter(slug="sneaky").exists()
    # A moderator may.
    moderator = users["moderator"]
    client.force_login(moderator)
    response = client.post(add_url(finder), new_page_data(finder, moderator, "network-call"))
    assert response.status_code == 302
    assert FundingOpportunityPage.objects.filter(slug="network-call").exists()
