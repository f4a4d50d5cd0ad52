"""Creating each page type through the real admin add view, and the rules
about where each type may live."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.models import Audience, Sector, Theme
from home.models import HomePage
from knowledgebase.models import (
    CaseStoryIndexPage,
    CaseStoryPage,
    EventPage,
    GuidelineIndexPage,
    GuidelinePage,
    NewsIndexPage,
    NewsPage,
    PolicyPaperIndexPage,
    PolicyPaperPage,
)

from .conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def en(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en").pk


def create(admin_client, parent, model, data):
    url = reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )
    data = {**data, "action-publish": "action-publish"}
    response = admin_client.post(url, data)
    if response.status_code != 302:
        form = response.context["form"]
        errors = {**form.errors, **{f"formset-{k}": v.errors for k, v in form.formsets.items()}}
        pytest.fail(f"admin refused {model.__name__}: {errors}")
    return model.objects.get(slug=data["slug"])


def test_create_policy_paper_in_the_admin(admin_client, indexes):
    document = make_document("Admin report", pages=2)
    data = nested_form_data(
        {
            "title": "Investing in creative hubs",
            "slug": "investing-in-creative-hubs",
            "summary": "Why hubs need patient capital.",
            "abstract": rich_text("<p>Patient capital matters.</p>"),
            "authors": inline_formset(
                [
                    {"name": "Maria Rossi", "affiliation": "Officina Torino"},
                    {"name": "Jonas Berg", "affiliation": "Kreativquartier Leipzig"},
                ]
            ),
            "date": "2025-04-02",
            "publisher": "Creative FLIP",
            "series": "",
            "document": str(document.pk),
            "doi": "10.1234/flip.2025.1",
            "isbn": "",
            "paper_status": "final",
            "body": streamfield(
                [
                    ("heading", "Findings"),
                    (
                        "finding",
                        {"title": "Loans are rare", "text": rich_text("<p>Few banks lend.</p>")},
                    ),
                ]
            ),
        }
    )
    data["countries"] = ["IT", "DE"]
    data["themes"] = [en(Theme, "finance")]
    data["sectors"] = [en(Sector, "design")]
    data["audiences"] = [en(Audience, "policy-makers")]
    page = create(admin_client, indexes["papers"], PolicyPaperPage, data)
    assert page.live
    assert [a.name for a in page.authors.all()] == ["Maria Rossi", "Jonas Berg"]
    assert sorted(c.code for c in page.countries) == ["DE", "IT"]
    assert page.document == document
    assert page.body[1].value["title"] == "Loans are rare"
    assert {a.locale.language_code for a in page.authors.all()} == {"en"}


def test_policy_paper_form_validates_doi_and_isbn(admin_client, indexes):
    url = reverse(
        "wagtailadmin_pages:add", args=["knowledgebase", "policypaperpage", indexes["papers"].pk]
    )
    data = nested_form_data(
        {
            "title": "Bad ids",
            "slug": "bad-ids",
            "abstract": rich_text("<p>x</p>"),
            "authors": inline_formset([{"name": "A", "affiliation": ""}]),
            "date": "2025-01-01",
            "doi": "not-a-doi",
            "isbn": "978-3-16-148410-9",
            "body": streamfield([]),
        }
    )
    response = admin_client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "doi" in errors and "isbn" in errors
    assert not PolicyPaperPage.objects.filter(slug="bad-ids").exists()


def test_create_guideline_in_the_admin(admin_client, indexes):
    data = nested_form_data(
        {
            "title": "Capturing value from IP",
            "slug": "capturing-value-from-ip",
            "summary": "Steps to protect and license your work.",
            "date": "2025-02-01",
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Know what you own",
                            "text": rich_text("<p>List every work.</p>"),
                            "checklist": {
                                "count": "2",
                                "0": {"value": "List works", "deleted": "", "order": "0", "id": ""},
                                "1": {
                                    "value": "Find contracts",
                                    "deleted": "",
                                    "order": "1",
                                    "id": "",
                                },
                            },
                        },
                    )
                ]
            ),
            "templates": streamfield([]),
            "testing_status": "piloted",
        }
    )
    data["audiences"] = [en(Audience, "creative-professionals")]
    page = create(admin_client, indexes["guidelines"], GuidelinePage, data)
    assert page.testing_status == "piloted"
    assert list(page.steps[0].value["checklist"]) == ["List works", "Find contracts"]


def test_guideline_step_checklist_must_not_repeat(admin_client, indexes):
    url = reverse(
        "wagtailadmin_pages:add", args=["knowledgebase", "guidelinepage", indexes["guidelines"].pk]
    )
    item = {"deleted": "", "id": ""}
    data = nested_form_data(
        {
            "title": "Twice",
            "slug": "twice",
            "date": "2025-02-01",
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "S",
                            "text": rich_text("<p>t</p>"),
                            "checklist": {
                                "count": "2",
                                "0": {**item, "value": "Same", "order": "0"},
                                "1": {**item, "value": "same", "order": "1"},
                            },
                        },
                    )
                ]
            ),
            "templates": streamfield([]),
            "testing_status": "draft",
        }
    )
    response = admin_client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert "steps" in response.context["form"].errors


def test_create_case_story_in_the_admin(admin_client, indexes):
    data = nested_form_data(
        {
            "title": "A shared workshop in Gdańsk",
            "slug": "shared-workshop-gdansk",
            "date": "2024-11-05",
            "country": "PL",
            "city": "Gdańsk",
            "challenge": rich_text("<p>Tools were too expensive.</p>"),
            "approach": rich_text("<p>They shared them.</p>"),
            "outcome": rich_text("<p>Twelve makers now rent time.</p>"),
            "quotes": streamfield(
                [("quote", {"quote": "It changed my work.", "attribution": "Ola", "role": ""})]
            ),
            "images": streamfield([]),
        }
    )
    data["sectors"] = [en(Sector, "crafts")]
    page = create(admin_client, indexes["stories"], CaseStoryPage, data)
    assert page.country.code == "PL"
    assert page.quotes[0].value["attribution"] == "Ola"


def test_create_news_and_event_in_the_admin(admin_client, indexes):
    news = create(
        admin_client,
        indexes["news"],
        NewsPage,
        {
            "title": "Call open",
            "slug": "call-open",
            "date": "2025-03-01",
            "body": rich_text("<p>Apply now.</p>"),
        },
    )
    assert news.date.isoformat() == "2025-03-01"
    event = create(
        admin_client,
        indexes["news"],
        EventPage,
        {
            "title": "Hub meetup",
            "slug": "hub-meetup",
            "date": "2025-05-01",
            "end_date": "2025-05-02",
            "event_format": "hybrid",
            "online_url": "https://meet.example.org/flip",
            "venue": "Main hall",
            "city": "Lille",
            "country": "FR",
            "body": rich_text("<p>Join us.</p>"),
        },
    )
    assert event.get_event_format_display() == "On site and online"


def test_event_dates_and_online_link_are_validated(admin_client, indexes):
    url = reverse("wagtailadmin_pages:add", args=["knowledgebase", "eventpage", indexes["news"].pk])
    data = {
        "title": "Backwards",
        "slug": "backwards",
        "date": "2025-05-02",
        "end_date": "2025-05-01",
        "event_format": "online",
        "body": rich_text("<p>x</p>"),
        "action-publish": "action-publish",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "end_date" in errors or "online_url" in errors
    assert not EventPage.objects.filter(slug="backwards").exists()


def test_create_index_pages_in_the_admin(admin_client, home):
    for model, slug in [
        (PolicyPaperIndexPage, "policy-papers"),
        (GuidelineIndexPage, "guidelines"),
        (CaseStoryIndexPage, "case-stories"),
        (NewsIndexPage, "news"),
    ]:
        page = create(
            admin_client,
            home,
            model,
            {"title": slug.title(), "slug": slug, "intro": rich_text("<p>Hi</p>")},
        )
        assert page.get_parent().specific == home


def test_parent_and_child_rules(indexes, partner):
    home = HomePage.objects.get(pk=indexes["papers"].get_parent().pk)
    pairs = {
        PolicyPaperPage: indexes["papers"],
        GuidelinePage: indexes["guidelines"],
        CaseStoryPage: indexes["stories"],
        NewsPage: indexes["news"],
        EventPage: indexes["news"],
    }
    for model, own_index in pairs.items():
        assert model.can_create_at(own_index)
        assert model.can_create_at(partner), model  # a hub's own section
        assert not model.can_create_at(home)
        for other in indexes.values():
            if other.pk != own_index.pk:
                assert not model.can_create_at(other), (model, other)
        assert model.allowed_subpage_models() == []
    # One index of each kind per home page, and only under a home page.
    for index in indexes.values():
        assert not index.specific_class.can_create_at(home)
        assert not index.specific_class.can_create_at(partner)
    assert set(NewsIndexPage.allowed_subpage_models()) == {NewsPage, EventPage}


def test_admin_edit_view_of_each_type_renders(admin_client, indexes):
    from .conftest import make_event, make_guideline, make_news, make_paper, make_story

    pages = [
        make_paper(indexes["papers"]),
        make_guideline(indexes["guidelines"]),
        make_story(indexes["stories"]),
        make_news(indexes["news"]),
        make_event(indexes["news"]),
        *indexes.values(),
    ]
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page
