"""Issue 12: partner sections that hold content. Live pages and files in a
partner's section are edited by that partner's editors, and not by another
partner's (both ways, through the admin); the listings and search still show
them; the demo puts each partner's own pages in its section."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page

from core.demo_content import read
from core.demo_tools import ensure_page
from core.models import SiteDocument
from core.translation import translate_object
from knowledgebase import demo as kb_demo
from knowledgebase.models import (
    CaseStoryIndexPage,
    CaseStoryPage,
    GuidelineIndexPage,
    GuidelinePage,
    NewsPage,
)
from partners.sections import section_for

from .admin_forms import page_form_data
from .conftest import add_page
from .test_permissions import not_refused, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def section_content(home, partners):
    """A live guideline in the Lisbon hub's section, its file in Lisbon's
    collection, and the shared guideline and story indexes."""
    guidelines = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    ensure_page(home, CaseStoryIndexPage, "case-stories", title="Case stories")
    document = SiteDocument(
        title="Lisbon price list",
        file=ContentFile(b"item,price\nrent,100\n", name="prices.csv"),
        collection=section_for(partners["lisbon"]).collection,
        file_language="pt",
    )
    document.save()
    guideline = add_page(
        partners["lisbon"],
        GuidelinePage,
        title="Pricing studio time",
        slug="pricing-studio-time",
        summary="How the Lisbon hub prices its studios.",
        date=datetime.date(2025, 2, 1),
        document=document,
    )
    story = add_page(
        partners["lisbon"],
        CaseStoryPage,
        title="A members fund",
        slug="a-members-fund",
        summary="Members pooled money for tools.",
        country="PT",
        city="Lisbon",
        date=datetime.date(2025, 3, 1),
    )
    news = add_page(
        partners["lisbon"],
        NewsPage,
        title="Open studio night",
        slug="open-studio-night",
        summary="The Lisbon hub opens its doors.",
        date=datetime.date(2025, 4, 1),
    )
    return {
        "guidelines": guidelines,
        "guideline": guideline,
        "story": story,
        "news": news,
        "document": document,
    }


def test_the_partners_editor_edits_its_live_pages(client, users, section_content):
    for name in ("guideline", "story"):
        url = reverse("wagtailadmin_pages:edit", args=[section_content[name].pk])
        client.force_login(users["editor_lisbon"])
        assert client.get(url).status_code == 200
    page = section_content["news"]
    client.force_login(users["editor_lisbon"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(url).status_code == 200
    not_refused(client.post(url, page_form_data(page, users["editor_lisbon"], title="New title")))
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "New title"
    assert page.title != "New title"  # a draft: publishing is the moderators' step


@pytest.mark.parametrize("page_name", ["guideline", "story", "news"])
def test_another_partners_editor_cannot_edit_them(client, users, section_content, page_name):
    page = section_content[page_name]
    client.force_login(users["editor_leipzig"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert refused(client.get(url))
    data = page_form_data(page, users["admin"], title="Taken over")
    assert refused(client.post(url, data))
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title != "Taken over"


def test_the_partners_editor_edits_its_files_and_another_cannot(client, users, section_content):
    document = section_content["document"]
    url = reverse("wagtaildocs:edit", args=[document.pk])
    data = {
        "title": "Renamed",
        "file_language": "pt",
        "collection": str(document.collection_id),
        "tags": "",
    }
    client.force_login(users["editor_leipzig"])
    assert refused(client.get(url))
    assert refused(client.post(url, {**data, "title": "Taken over"}))
    document.refresh_from_db()
    assert document.title == "Lisbon price list"

    client.force_login(users["editor_lisbon"])
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 302
    document.refresh_from_db()
    assert document.title == "Renamed"


def test_listings_and_search_show_pages_in_partner_sections(client, section_content):
    listing = client.get("/en/guidelines/").content.decode()
    assert "Pricing studio time" in listing
    assert "A members fund" in client.get("/en/case-stories/").content.decode()
    results = client.get("/en/search/", {"q": "studios"}).content.decode()
    assert "Pricing studio time" in results
    # The page lives under its partner, and its file says it is in Portuguese.
    page = client.get(section_content["guideline"].url).content.decode()
    assert section_content["guideline"].url.startswith("/en/partners/hub-lisbon/")
    assert 'hreflang="pt"' in page


def test_every_demo_hub_has_its_own_content():
    """The demo data gives every hub at least one story, guideline or event
    of its own, so no hub's section is empty."""
    owners = {entry["partner"] for entry in read("case_stories")}
    owners |= {entry["partners"][0] for entry in read("guidelines")}
    owners |= {entry["partner"] for entry in read("news") if entry.get("partner")}
    partners = read("partners")
    assert owners <= {entry["slug"] for entry in partners}
    assert {entry["slug"] for entry in partners if entry["page"] == "hub"} <= owners


def test_the_demo_moves_a_page_and_its_translations_into_the_partners_section(
    home_all_locales, partners, django_capture_on_commit_callbacks
):
    stories = ensure_page(
        home_all_locales["en"], CaseStoryIndexPage, "case-stories", title="Case stories"
    )
    hub = partners["lisbon"]
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(hub.get_parent(), "de", {})
        translate_object(stories, "de", {})
        german_hub = translate_object(hub, "de", {})
    story = add_page(
        stories,
        CaseStoryPage,
        title="Moved story",
        slug="moved-story",
        summary="From the shared index to the hub.",
        country="PT",
        date=datetime.date(2025, 1, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        german = translate_object(story, "de", {})

    assert kb_demo.home_of({"hub-lisbon": hub}, ["unknown", "hub-lisbon"], stories) == hub
    assert kb_demo.home_of({}, ["hub-lisbon"], stories) == stories
    moved = ensure_page(hub, CaseStoryPage, "moved-story", move=True, title="Moved story")
    assert moved.pk == story.pk and moved.get_parent().pk == hub.pk
    assert Page.objects.get(pk=german.pk).get_parent().pk == german_hub.pk
    assert kb_demo.collection_of(hub) == section_for(hub).collection
    assert kb_demo.collection_of(stories).is_root()


def test_demo_documents_are_filed_in_the_collection_and_language_given(partners):
    collection = section_for(partners["leipzig"]).collection
    document = kb_demo.ensure_document("Plan", "plan.csv", lambda: b"a,b\n", collection, "de")
    assert (document.collection_id, document.file_language) == (collection.pk, "de")
    # A second run with another home moves it, and makes no new document.
    again = kb_demo.ensure_document("Plan", "plan.csv", lambda: b"a,b\n")
    assert again.pk == document.pk and again.collection.is_root()
    assert again.file_language == "en"
    assert SiteDocument.objects.filter(title="Plan").count() == 1
