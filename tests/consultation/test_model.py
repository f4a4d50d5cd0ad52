"""The consultation's own rules, and its admin form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from consultation.models import Consultation, add_months

from .conftest import make_guideline


def test_only_draft_or_piloted_guidelines_open_a_consultation(guideline_index, home):
    today = datetime.date(2026, 3, 1)
    for status, allowed in (("draft", True), ("piloted", True), ("validated", False)):
        page = make_guideline(guideline_index, status=status)
        consultation = Consultation(
            page=page, locale=page.locale, title="C", opens_on=today, closes_on=today
        )
        if allowed:
            consultation.full_clean()
        else:
            with pytest.raises(ValidationError) as raised:
                consultation.full_clean()
            assert "page" in raised.value.message_dict
    plain = Consultation(page=home, locale=home.locale, title="C", opens_on=today, closes_on=today)
    with pytest.raises(ValidationError):
        plain.full_clean()


def test_closing_before_opening_is_refused(guideline):
    consultation = Consultation(
        page=guideline,
        locale=guideline.locale,
        title="C",
        opens_on=datetime.date(2026, 3, 2),
        closes_on=datetime.date(2026, 3, 1),
    )
    with pytest.raises(ValidationError) as raised:
        consultation.full_clean()
    assert "closes_on" in raised.value.message_dict


def test_state_by_date(consultation):
    consultation.opens_on = datetime.date(2026, 3, 1)
    consultation.closes_on = datetime.date(2026, 3, 31)
    assert consultation.state(datetime.date(2026, 2, 28)) == "upcoming"
    assert consultation.state(datetime.date(2026, 3, 1)) == "open"
    assert consultation.state(datetime.date(2026, 3, 31)) == "open"
    assert consultation.state(datetime.date(2026, 4, 1)) == "closed"


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2026, 11, 15), 6, datetime.date(2027, 5, 15)),
        (datetime.date(2026, 3, 31), -1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 1, 10), -13, datetime.date(2024, 12, 10)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_moderators_add_consultations_in_the_admin(client, moderator, translator, guideline):
    add = reverse("wagtailsnippets_consultation_consultation:add")
    client.force_login(translator)
    assert client.get(add).status_code == 302
    client.force_login(moderator)
    assert client.get(add).status_code == 200
    data = {
        "page": guideline.pk,
        "title": "Tell us about pricing",
        "introduction": "",
        "opens_on": "2026-03-01",
        "closes_on": "2026-03-31",
        "questions-count": "0",
        "summary": "null",
        "what_changed": "null",
        "locale": guideline.locale.pk,
    }
    answer = client.post(add + "?locale=en", data)
    assert answer.status_code == 302, answer.content.decode()[:3000]
    created = Consultation.objects.get()
    assert created.page_id == guideline.pk
    assert created.locale == guideline.locale


def test_only_draft_or_piloted_papers_open_a_consultation(home):
    from core.demo_tools import ensure_page
    from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage

    index = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Papers")
    today = datetime.date(2026, 3, 1)
    for n, (status, allowed) in enumerate((("draft", True), ("piloted", True), ("final", False))):
        paper = PolicyPaperPage(
            title=f"Paper {status}", slug=f"paper-{n}", abstract="<p>A</p>", paper_status=status
        )
        index.add_child(instance=paper)
        consultation = Consultation(
            page=paper, locale=paper.locale, title="C", opens_on=today, closes_on=today
        )
        if allowed:
            consultation.full_clean()
        else:
            with pytest.raises(ValidationError) as raised:
                consultation.full_clean()
            assert "Only a draft or piloted document" in raised.value.message_dict["page"][0]


def test_a_consultation_stays_when_its_document_becomes_final(consultation, guideline):
    """Validation refuses new consultations only: an open one whose guideline
    is validated meanwhile can still be edited (to summarise it)."""
    guideline.testing_status = "validated"
    guideline.save()
    consultation.refresh_from_db()
    consultation.summary = "<p>Done.</p>"
    consultation.full_clean()


def test_admin_refuses_a_consultation_on_a_final_paper(client, moderator, home):
    from core.demo_tools import ensure_page
    from knowledgebase.models import PolicyPaperIndexPage, PolicyPaperPage

    index = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Papers")
    papers = {}
    for status in ("final", "draft"):
        papers[status] = PolicyPaperPage(
            title=status, slug=f"p-{status}", abstract="<p>A</p>", paper_status=status
        )
        index.add_child(instance=papers[status])
    add = reverse("wagtailsnippets_consultation_consultation:add")
    client.force_login(moderator)
    data = {
        "title": "Tell us",
        "introduction": "",
        "opens_on": "2026-03-01",
        "closes_on": "2026-03-31",
        "questions-count": "0",
        "summary": "null",
        "what_changed": "null",
        "locale": home.locale.pk,
    }
    refused = client.post(add + "?locale=en", {**data, "page": papers["final"].pk})
    assert refused.status_code == 200
    assert "Only a draft or piloted document can open a consultation." in refused.content.decode()
    assert not Consultation.objects.exists()
    accepted = client.post(add + "?locale=en", {**data, "page": papers["draft"].pk})
    assert accepted.status_code == 302
    assert Consultation.objects.get().page_id == papers["draft"].pk
