"""Search results as cards: the stored card of each page (text, picture,
document), and the card each result is shown with."""

import datetime
import io
import re

import pytest
from django.core.files.images import ImageFile
from django.utils.text import capfirst
from wagtail.images import get_image_model

from core.demo_tools import ensure_page
from core.pictures import pattern
from home.demo import ensure_home
from knowledgebase.models import NewsIndexPage, NewsPage, PolicyPaperIndexPage
from search.models import PageCard
from tests.knowledgebase.conftest import make_document, make_paper

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture():
    data, _kind, _colour = pattern("card-test", 480, 270)
    image = get_image_model()(title="Pattern", file=ImageFile(io.BytesIO(data), name="card.png"))
    image.save()
    return image


@pytest.fixture
def pages(django_capture_on_commit_callbacks, picture):
    with django_capture_on_commit_callbacks(execute=True):
        home = ensure_home()
        news = ensure_page(home, NewsIndexPage, "news", title="News")
        papers = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers")
        item = ensure_page(
            news, NewsPage, "kiln-day", title="Kiln day", date=datetime.date(2025, 1, 10),
            summary="Open doors.", body="<p>A kiln for all.</p>",
            image=picture, image_alt="Circles.",
        )  # fmt: skip
        paper = make_paper(papers, "Kiln costs", document=make_document("Kiln report"))
    return item, paper


def cards_of(html: str) -> list[str]:
    return re.findall(r'<article class="card search-card[^"]*">.*?</article>', html, re.S)


def test_indexing_writes_each_pages_card(pages, picture):
    item, paper = pages
    card = PageCard.objects.get(page=item)
    assert "A kiln for all." in card.text and card.image_id == picture.pk
    assert card.document_id is None
    assert PageCard.objects.get(page=paper).document_id == paper.document_id


def test_a_result_is_a_card_with_picture_type_date_and_snippet(client, pages):
    html = client.get("/en/search/?q=kiln").content.decode()
    cards = cards_of(html)
    assert len(cards) == 2
    news = next(card for card in cards if "Kiln day" in card)
    assert "has-media" in news and "<picture>" in news and 'loading="lazy"' in news
    label = capfirst(str(NewsPage._meta.verbose_name))
    assert f'<span class="search-result__type">{label}</span>' in news
    assert '<time datetime="2025-01-10">' in news
    assert re.search(r'<p class="search-result__snippet">.*<mark>kiln</mark>', news)
    assert "['" not in html and "']" not in html


def test_a_page_without_a_card_is_still_shown_whole(client, pages, picture):
    item, _paper = pages
    PageCard.objects.all().delete()  # as on a site indexed before cards existed
    html = client.get("/en/search/?q=kiln").content.decode()
    news = next(card for card in cards_of(html) if "Kiln day" in card)
    assert "<picture>" in news and "<mark>kiln</mark>" in news


def test_the_card_follows_the_page(client, pages, django_capture_on_commit_callbacks):
    item, _paper = pages
    item.body = "<p>The glaze room reopens.</p>"
    item.image = None
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    card = PageCard.objects.get(page=item)
    assert "glaze room" in card.text and card.image_id is None
    html = client.get("/en/search/?q=glaze").content.decode()
    news = cards_of(html)[0]
    assert "<picture>" not in news and "<mark>glaze</mark>" in news


def test_the_api_names_the_pages_own_type(client, pages):
    data = client.get("/api/v2/search/?q=kiln&locale=en").json()
    assert {result["type"] for result in data["results"]} == {
        "knowledgebase.newspage",
        "knowledgebase.policypaperpage",
    }


def test_card_pages_of_mixed_types_get_their_summaries_and_pictures(
    pages, picture, django_assert_max_num_queries
):
    from wagtail.models import Page

    from core.cards import card_pages
    from partners.models import HubPage, PartnerIndexPage
    from tests.partners.conftest import make_partner

    item, paper = pages
    home = ensure_home()
    directory = ensure_page(home, PartnerIndexPage, "partners", title="Partners")
    hub = make_partner(directory, HubPage, "kiln-hub", "Kiln hub", "PT", 38.7, -9.1, logo=picture)
    # Three types without a picture first: PostgreSQL types a UNION column
    # of untyped NULLs as text, and then fails on the picture ids.
    first = [home.pk, item.get_parent().pk, paper.get_parent().pk]
    plain = list(Page.objects.filter(pk__in=[*first, item.pk, paper.pk, hub.pk]).order_by("pk"))
    picture.get_rendition("fill-400x225|format-webp")  # as after a first view
    with django_assert_max_num_queries(2):
        cards = {page.pk: page for page in card_pages(plain)}
    assert cards[item.pk].summary == item.summary and cards[item.pk].image == picture
    assert cards[paper.pk].summary == paper.summary and cards[paper.pk].image is None
    assert cards[hub.pk].image == picture
    assert cards[home.pk].image is None
