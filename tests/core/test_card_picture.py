"""A card's picture (``{% card_picture %}``, core/templatetags/picture_tags.py)
is the markup of ``components/card_picture_markup.html``, rendered once and
then kept: the same bytes, made again only when they could change."""

import io

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.template import Context, Template
from django.template.loader import get_template
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from core.cards import card_pages, load_pictures
from core.demo_tools import ensure_page
from core.pictures import pattern
from core.templatetags import picture_tags
from core.templatetags.picture_tags import MARKUP_TEMPLATE, card_picture
from knowledgebase.models import NewsIndexPage
from tests.knowledgebase.conftest import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_caches():
    """Wagtail keeps renditions in Django's cache under the image's id: on
    SQLite a rolled-back image's id comes again in the next test."""
    cache.clear()
    picture_tags.clear()
    yield
    cache.clear()
    picture_tags.clear()


@pytest.fixture
def renders():
    """The names of the templates rendered while the test runs."""
    names = []

    def seen(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(seen)
    yield names
    template_rendered.disconnect(seen)


def upload(seed: str, width: int, height: int):
    data, _kind, _colour = pattern(seed, width, height)
    return ImageFile(io.BytesIO(data), name=f"{seed}.png")


def picture(seed: str, width: int = 1200, height: int = 675):
    image = get_image_model()(title=seed, file=upload(seed, width, height))
    image.save()
    return image


def as_listed(image):
    """``image`` read again as a listing reads it: with its renditions."""
    return load_pictures([image.pk])[image.pk]


def by_pk(image):
    """``image`` read again alone: Wagtail looks its renditions up."""
    return get_image_model().objects.get(pk=image.pk)


READINGS = (as_listed, by_pk)


def plain(image) -> str:
    """The markup as the card included it before the tag."""
    template = Template(f'{{% include "{MARKUP_TEMPLATE}" with image=image %}}')
    return template.render(Context({"image": image}))


def markup_renders(names) -> int:
    return names.count(MARKUP_TEMPLATE)


@pytest.mark.parametrize(("width", "height", "webp", "jpeg"), [(1200, 675, 2, 3), (480, 270, 1, 1)])
def test_the_tag_gives_the_templates_markup(width, height, webp, jpeg):
    image = picture(f"same-{width}", width, height)
    expected = plain(by_pk(image))
    for reading in READINGS:
        for _ in range(2):  # made, then kept
            html = card_picture(reading(image))
            assert html == expected
            assert hasattr(html, "__html__")  # marked safe
    assert 'alt=""' in expected and 'loading="lazy"' in expected
    assert expected.count(".webp") == webp and expected.count(".jpg") == jpeg
    assert ('sizes="(min-width: 56rem) 22rem, 100vw"' in expected) == (width >= 800)


def test_the_specs_are_those_of_the_template():
    for width, filters in ((1200, picture_tags.WIDE_FILTERS), (480, picture_tags.NARROW_FILTERS)):
        image = picture(f"specs-{width}", width, width * 9 // 16)
        plain(image)
        made = set(image.renditions.values_list("filter_spec", flat=True))
        assert made == {f.spec for f in filters}
        assert picture_tags.filters_for(image) == filters


def test_a_second_card_neither_renders_nor_queries(renders):
    image = picture("twice")
    plain(image)  # the renditions are made
    for reading in READINGS:
        first = card_picture(reading(image))
        count = markup_renders(renders)
        again = reading(image)
        with CaptureQueriesContext(connection) as captured:
            assert card_picture(again) == first
        assert captured.captured_queries == []
        assert markup_renders(renders) == count


def test_markup_is_not_kept_while_its_renditions_are_being_made(renders):
    image = picture("new")
    html = card_picture(as_listed(image))  # none yet: made now
    assert picture_tags._markup == {}
    assert card_picture(as_listed(image)) == html
    assert len(picture_tags._markup) == 1
    assert markup_renders(renders) == 2


@pytest.mark.parametrize("reading", READINGS)
def test_a_new_focal_point_gives_new_markup(reading):
    image = picture("focus")
    plain(image)  # the renditions are made
    before = card_picture(reading(image))
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    after = card_picture(reading(image))
    assert after != before
    assert after == plain(by_pk(image))


@pytest.mark.parametrize("reading", READINGS)
def test_a_new_file_gives_new_markup(reading):
    image = picture("first")
    plain(image)
    before = card_picture(reading(image))
    # As Wagtail's image form does: a new file, and the renditions deleted.
    image.file = upload("second", 1000, 800)
    image.save()
    image.renditions.all().delete()
    after = card_picture(reading(image))
    assert "second" in after and after != before
    assert after == plain(by_pk(image))


def test_a_rendition_made_again_gives_new_markup():
    image = picture("again")
    before = card_picture(as_listed(image))
    card_picture(as_listed(image))  # kept
    image.renditions.all().delete()
    plain(by_pk(image))  # made again
    after = card_picture(as_listed(image))
    assert after == plain(as_listed(image))
    # The same sizes under new names (the old files are still there).
    assert after != before


def test_the_cache_is_bounded_and_forgets_the_oldest(monkeypatch):
    monkeypatch.setattr(picture_tags, "MAX_ENTRIES", 3)
    images = [picture(f"bound-{n}", 480, 270) for n in range(5)]
    for image in images:
        card_picture(image)
    assert len(picture_tags._markup) == 3
    kept = {key[0] for key in picture_tags._markup}
    assert kept == {image.pk for image in images[2:]}


def test_entries_expire(monkeypatch, renders):
    image = picture("brief", 480, 270)
    monkeypatch.setattr(picture_tags, "TIMEOUT", 0)
    card_picture(image)
    card_picture(image)
    assert markup_renders(renders) == 2


def test_a_setting_change_empties_the_cache(settings):
    image = picture("moved", 480, 270)
    assert "/media/images/" in card_picture(image)
    settings.MEDIA_URL = "/elsewhere/"
    assert "/elsewhere/images/" in card_picture(image)


def test_the_card_shows_the_kept_markup(home, renders):
    news = ensure_page(home, NewsIndexPage, "news", title="News")
    page = make_news(news, "Pictured", image=picture("card"), image_alt="A pattern.")
    card = get_template("components/card.html")
    htmls = []
    for _ in range(3):
        [item] = card_pages([page.page_ptr])
        htmls.append(card.render({"item": item}))
    assert htmls[0] == htmls[1] == htmls[2]
    assert markup_renders(renders) == 2  # the renditions are made by the first
    expected = plain(as_listed(page.image))
    assert f'<div class="card__media">{expected}</div>' in htmls[2]
    assert "card_picture" not in htmls[2]
