"""Importing the hand-written export: what each post and page becomes."""

import datetime

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from core.demo_tools import ensure_page
from core.models import SiteDocument
from home.models import ContentPage
from knowledgebase.models import CaseStoryPage, GuidelinePage, NewsPage, PolicyPaperPage
from partners.models import HubPage, PartnerIndexPage
from wpimport.models import ImportedItem

from .conftest import FIXTURES, UPLOADS, counts, run_import

ARGS = [FIXTURES / "export.xml", "--map", FIXTURES / "mapping.yaml", "--media-dir", UPLOADS]


@pytest.fixture
def imported(indexes, django_user_model):
    django_user_model.objects.create_user("alice", "alice@example.org", "x-long-password")
    return run_import(*ARGS)


def test_posts_become_news_and_mapped_types(imported):
    assert counts(imported, "posts") == [5, 0, 0, 1]
    news = NewsPage.objects.get(slug="hello-and-welcome")
    assert news.title == "Hello & welcome"
    assert news.live
    assert news.summary == "A short welcome to the network."
    assert news.date == datetime.date(2023, 2, 2)
    assert news.first_published_at == datetime.datetime(2023, 2, 2, 10, tzinfo=datetime.UTC)
    assert news.owner.username == "alice"
    assert [t.slug for t in news.themes.all()] == ["finance"]
    assert [s.slug for s in news.sectors.all()] == ["music"]
    assert PolicyPaperPage.objects.get(slug="financing-creative-hubs").authors.get().name == (
        "Bob Novak"
    )
    assert CaseStoryPage.objects.filter(slug="makerspace-riga").exists()
    guide = GuidelinePage.objects.get(slug="member-survey")
    assert [s.value["title"] for s in guide.steps] == [
        "How to run a member survey",
        "Write the questions",
        "Send it",
    ]
    assert [a.slug for a in guide.audiences.all()] == ["students"]


def test_news_body_is_cleaned_to_the_fields_features(imported):
    body = NewsPage.objects.get(slug="hello-and-welcome").body
    # h1 and h4 moved to the levels the news body has.
    assert '<h2 data-block-key="' in body and ">Welcome to the network</h2>" in body
    assert ">What we did</h3>" in body
    assert "<b>every month</b>" in body
    assert "paragraph.<br/>" not in body and "A second line of the same paragraph." in body
    # Script, styles and event handlers are gone; text of unknown elements stays.
    assert "<script" not in body and "alert" not in body
    assert "onclick" not in body and "style=" not in body and "Styled text stays." in body
    # The link to an uploaded PDF goes to the imported document.
    document = SiteDocument.objects.get(title="Annual report")
    assert f'<a href="{document.url}">annual report</a>' in body
    # CDATA split across sections comes back whole.
    assert "a[i]]&gt;b" in body
    # A news body takes no embeds: the video is a link; shortcodes stay as text.
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in body
    assert '[contact-form-7 id="5" title="Contact"]' in body
    assert "<p data-block-key" in body and "<a></a>" not in body


def test_report_lists_what_needs_a_look(imported):
    assert 'post 41 "Deleted post": in the WordPress trash' in imported
    assert "nav_menu_item 50" in imported
    assert "2022/11/lost.jpg" in imported
    assert "shortcode [contact-form-7] has no equivalent" in imported
    assert "Gutenberg block wp:latest-posts has no equivalent" in imported
    assert "featured image not placed (a news item takes no images)" in imported
    assert "<script> element left out" in imported


def test_gutenberg_blocks_and_stream_fields(imported):
    paper = PolicyPaperPage.objects.get(slug="financing-creative-hubs")
    kinds = [block.block_type for block in paper.body]
    assert kinds == ["paragraph", "heading", "paragraph"]
    assert paper.body[1].value == "Key findings"
    text = paper.body[2].value.source
    assert "<li" in text and "Rent is the largest cost." in text
    assert "&lt;!-- wp:latest-posts" in text  # kept as visible text
    assert "<!--" not in text
    assert paper.abstract.startswith("<p>How hubs pay their way.")


def test_attachments_become_images_and_documents(imported):
    assert counts(imported, "attachments") == [3, 0, 0, 1]
    photo = get_image_model().objects.get(title="Hub photo")
    assert photo.description == "Members of the hub at work"
    assert (photo.width, photo.height) == (8, 6)
    story = CaseStoryPage.objects.get(slug="makerspace-riga")
    gallery = [(block.value.title, block.value.contextual_alt_text) for block in story.images]
    assert gallery == [("Hub photo", "Members of the hub at work"), ("Workshop", "The workshop")]
    assert "<img" not in story.approach and "forty members" in story.approach


def test_pages_become_content_pages_in_their_hierarchy(imported, client):
    assert counts(imported, "pages") == [2, 0, 0, 0]
    about = ContentPage.objects.get(slug="about")
    team = ContentPage.objects.get(slug="team")
    assert team.get_parent().pk == about.pk  # the child came first in the file
    photo = get_image_model().objects.get(title="Hub photo")
    assert f'<embed alt="Hub" embedtype="image" format="right" id="{photo.pk}"/>' in about.body
    assert "<blockquote" in about.body
    response = client.get(about.url)
    assert response.status_code == 200
    assert b"Together we go further." in response.content
    assert not any(Page.find_problems())


def test_drafts_stay_drafts(imported):
    draft = NewsPage.objects.get(title="Unfinished thoughts")
    assert not draft.live and draft.first_published_at is None
    assert draft.has_unpublished_changes


def test_old_urls_redirect_to_the_new_pages(imported, client):
    news = NewsPage.objects.get(slug="hello-and-welcome")
    about = ContentPage.objects.get(slug="about")
    for old, page in [
        ("/?p=20", news),
        ("/2023/02/02/hello-and-welcome/", news),
        ("/?page_id=30", about),
        ("/about/", about),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url, old
    # Drafts had no public address: no redirect.
    assert not Redirect.objects.filter(old_path="/?p=40").exists()


def test_second_run_changes_nothing(imported):
    before = (Page.objects.count(), ImportedItem.objects.count(), Redirect.objects.count())
    again = run_import(*ARGS)
    assert counts(again, "posts") == [0, 0, 5, 1]
    assert counts(again, "pages") == [0, 0, 2, 0]
    assert counts(again, "attachments") == [0, 0, 3, 1]
    assert counts(again, "redirects")[:2] == [0, 0]
    assert (Page.objects.count(), ImportedItem.objects.count(), Redirect.objects.count()) == before


def test_a_changed_post_is_updated_and_an_edited_page_left_alone(imported, tmp_path):
    changed = (FIXTURES / "export.xml").read_text()
    changed = changed.replace("It now has forty members.", "It now has fifty members.")
    changed = changed.replace("Keep it short.", "Keep it very short.")
    export = tmp_path / "export.xml"
    export.write_text(changed)
    guide = GuidelinePage.objects.get(slug="member-survey")
    guide.title = "Edited in Wagtail"
    guide.save_revision().publish()
    again = run_import(export, "--map", FIXTURES / "mapping.yaml", "--media-dir", UPLOADS)
    assert counts(again, "posts") == [0, 1, 3, 2]
    assert "fifty members" in CaseStoryPage.objects.get(slug="makerspace-riga").approach
    assert "changed in Wagtail since the last import" in again
    assert GuidelinePage.objects.get(pk=guide.pk).title == "Edited in Wagtail"


def test_dry_run_saves_nothing(indexes):
    images = get_image_model().objects.count()
    out = run_import(*ARGS, "--dry-run")
    assert "dry run, nothing was saved" in out
    assert counts(out, "posts") == [5, 0, 0, 1]
    assert not NewsPage.objects.exists() and not ImportedItem.objects.exists()
    assert get_image_model().objects.count() == images
    assert not Redirect.objects.exists()


def test_parent_option_puts_everything_under_one_page(indexes):
    news = indexes["news"]
    out = run_import(FIXTURES / "translations.xml", "--parent", "/en/news/")
    assert counts(out, "posts")[0] == 2
    assert {p.get_parent().pk for p in NewsPage.objects.filter(locale__language_code="en")} == {
        news.pk
    }


def test_section_option_uses_a_partner_section(indexes, home):
    partners = ensure_page(home, PartnerIndexPage, "partners", title="Partners")
    hub = ensure_page(partners, HubPage, "riga-hub", title="Riga hub")
    out = run_import(*ARGS, "--section", "riga-hub")
    assert NewsPage.objects.get(slug="hello-and-welcome").get_parent().pk == hub.pk
    assert PolicyPaperPage.objects.get().get_parent().pk == hub.pk
    # Partner sections take no content pages: pages still go under the home page.
    assert ContentPage.objects.get(slug="about").get_parent().pk == home.pk
    assert "content pages go under" in out
