"""Pictures: the generator, the demo's alt texts, and how pages, cards and
Open Graph tags show an image."""

import io
import re

import pytest
import yaml
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from core.demo_pictures import DATA, LANGUAGES, alt_texts
from core.pictures import COLOURS, KINDS, choose, logo, pattern

from .conftest import make_news


def test_the_pattern_is_a_png_that_depends_only_on_the_seed():
    first, kind, colour = pattern("a-shared-kiln")
    assert pattern("a-shared-kiln")[0] == first
    assert (kind, colour) == choose("a-shared-kiln")
    assert kind in KINDS and colour in COLOURS
    picture = PILImage.open(io.BytesIO(first))
    assert picture.format == "PNG" and picture.size == (1200, 675)
    assert len({pattern(f"seed-{n}")[0] for n in range(4)}) == 4


def test_a_logo_is_square_and_coloured():
    picture = PILImage.open(io.BytesIO(logo("fabrika", "Fábrica Lisboa"))).convert("RGB")
    assert picture.size == (400, 400)
    assert picture.getpixel((60, 200)) == COLOURS[choose("fabrika")[1]]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("colour", list(COLOURS))
def test_alt_text_exists_in_every_language(kind, colour):
    texts = alt_texts(kind, colour, yaml.safe_load(DATA.read_text(encoding="utf-8")))
    assert set(texts) == set(LANGUAGES)
    assert all(text.strip() and "{" not in text for text in texts.values())
    assert len(set(texts.values())) == len(LANGUAGES)


@pytest.fixture
def picture(db):
    data, _kind, _colour = pattern("test-picture")
    image = get_image_model()(
        title="Test picture", file=ImageFile(io.BytesIO(data), name="test-picture.png")
    )
    image.save()
    return image


@pytest.mark.django_db
def test_a_page_shows_its_picture_with_alt_text_and_shares_it(client, indexes, picture):
    news = make_news(indexes["news"], "Kiln day", image=picture, image_alt="Orange circles.")
    html = client.get(news.url).content.decode()
    figure = re.search(r'<figure class="shell__picture">(.*?)</figure>', html, re.S).group(1)
    assert 'type="image/webp"' in figure and ".webp" in figure
    assert 'alt="Orange circles."' in figure
    assert "srcset=" in figure
    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og.startswith("http://testserver/") and og.endswith(".jpg")
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image:alt" content="Orange circles.">' in html


@pytest.mark.django_db
def test_a_page_without_picture_has_a_plain_card_and_no_og_image(client, indexes):
    news = make_news(indexes["news"], "No picture")
    html = client.get(news.url).content.decode()
    assert "shell__picture" not in html and "og:image" not in html
    assert '<meta name="twitter:card" content="summary">' in html


@pytest.mark.django_db
def test_listing_cards_load_pictures_lazily(
    client, indexes, picture, django_assert_max_num_queries
):
    for n in range(6):
        make_news(indexes["news"], f"With picture {n}", image=picture, image_alt="Pattern.")
    client.get(indexes["news"].url)  # renditions are made on the first view
    with django_assert_max_num_queries(60):
        html = client.get(indexes["news"].url).content.decode()
    cards = re.findall(r'<div class="card__media">(.*?)</div>', html, re.S)
    assert len(cards) == 6
    assert all('loading="lazy"' in card and 'alt=""' in card for card in cards)


@pytest.mark.django_db
def test_the_demo_gives_a_page_its_picture_before_translating_it(indexes):
    from core.demo_pictures import prepare

    news = make_news(indexes["news"], "Kiln opening")
    table, changed = prepare(news, {"Kiln opening": {"de": "Brennofen-Eröffnung"}})
    news.refresh_from_db()
    assert changed and news.image is not None and news.image_alt
    assert table["Kiln opening"] == {"de": "Brennofen-Eröffnung"}
    assert set(table[news.image_alt]) == set(LANGUAGES) - {"en"}
    again, changed_again = prepare(news, {})
    assert not changed_again and news.image_alt in again
    assert prepare(indexes["news"], {"x": {}}) == ({"x": {}}, False)
