"""One way of saying things across the site: one date format (per
language), one capitalisation of levels, a note when no event is coming,
and a filtered listing that stays filtered in another language."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory, TestCase
from django.utils import timezone
from django.utils.text import capfirst
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import Locale

from core.templatetags.cf_tags import carry_query
from core.translation import translate_object
from knowledgebase.models import EventPage, NewsIndexPage, NewsPage
from tests.search.conftest import add
from tests.shared_data import fresh

pytestmark = pytest.mark.django_db

NOTE = "No events are planned at the moment"


@pytest.fixture
def news(module_news, db):
    return fresh(module_news)


@pytest.fixture(scope="module")
def module_news(module_homes):
    """News and an event, partly translated; built once for the module
    (tests/conftest.py, ``module_db``)."""
    index = add(module_homes["en"], NewsIndexPage, title="News", slug="news")
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(index, "de", {"News": "Neuigkeiten"})
        translate_object(index, "el", {"News": "Νέα"})
    item = add(
        index, NewsPage, title="Kiln opens", summary="A kiln.", date=datetime.date(2025, 10, 7)
    )
    past = add(
        index,
        EventPage,
        title="Autumn meeting",
        summary="We met.",
        date=datetime.date(2025, 10, 7),
        venue="Hall",
        city="Porto",
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(item, "el", {"Kiln opens": "Ο κλίβανος ανοίγει"})
    return {"index": index, "item": item, "past": past}


def test_listing_detail_and_search_share_one_date_format(client, news):
    listing = client.get("/en/news/").content.decode()
    detail = client.get(news["item"].url).content.decode()
    search = client.get("/en/search/", {"q": "kiln"}).content.decode()
    for html in (listing, detail, search):
        assert ">7 October 2025</time>" in html
        assert "Oct. 7" not in html


def test_dates_follow_the_language(client, news):
    html = client.get("/el/search/", {"q": "κλίβανος"}).content.decode()
    assert ">7 Οκτωβρίου 2025</time>" in html
    assert "07/10/2025" not in html


def test_a_note_says_when_no_event_is_coming(client, news):
    assert NOTE in client.get("/en/news/").content.decode()
    add(
        news["index"],
        EventPage,
        title="Spring meeting",
        summary="We will meet.",
        date=timezone.localdate() + datetime.timedelta(days=30),
        venue="Hall",
        city="Porto",
    )
    html = client.get("/en/news/").content.decode()
    assert NOTE not in html
    assert "Upcoming event" in html


def test_an_event_that_runs_today_counts_as_coming(client, news):
    add(
        news["index"],
        EventPage,
        title="Long fair",
        summary="Still on.",
        date=timezone.localdate() - datetime.timedelta(days=2),
        end_date=timezone.localdate(),
        venue="Hall",
        city="Porto",
    )
    assert NOTE not in client.get("/en/news/").content.decode()


def switcher_links(html: str) -> dict[str, str]:
    nav = html[html.index('class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)
    }


def test_switching_language_keeps_the_filter(client, news):
    html = client.get("/en/news/", {"theme": "finance", "page": "2"}).content.decode()
    links = switcher_links(html)
    assert links["de"] == "/de/news/?theme=finance"
    assert links["el"].endswith("?theme=finance")
    # Languages without this page go to their home page, without the filter.
    assert links["fr"] == "/fr/?untranslated=1"


def test_switching_language_without_a_filter_adds_nothing(client, news):
    links = switcher_links(client.get("/en/news/").content.decode())
    assert links["de"] == "/de/news/"


def test_switching_language_on_a_view_keeps_its_query_once(client, news):
    links = switcher_links(client.get("/en/search/", {"q": "kiln"}).content.decode())
    assert links["de"] == "/de/search/?q=kiln"


def test_levels_are_capitalised_alike(home):
    from learning.catalogue import CatalogueFilter
    from learning.models import LearningModulePage

    filters = CatalogueFilter(
        {}, LearningModulePage.objects.none(), locale=Locale.get_default(), skills=[]
    )
    labels = dict(filters.form.fields["level"].choices)
    for value, name in LearningModulePage.LEVELS:
        assert str(labels[value]) == str(capfirst(name))
    assert str(labels["introductory"]) == "Introductory"


@given(st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=4))
def test_carry_query_takes_any_query(params):
    request = RequestFactory().get("/en/news/", params)
    url = carry_query("/de/news/", request)
    assert url.startswith("/de/news/")
    carried = parse_qs(urlsplit(url).query, keep_blank_values=True)
    assert "page" not in carried and "untranslated" not in carried


@pytest.mark.parametrize("value", ["\x00", "²", "٣", "9" * 400, "finance&page=3"])
def test_odd_filters_never_break_the_switcher(client, news, value):
    response = client.get("/en/news/", {"theme": value})
    assert response.status_code in (200, 400)
    links = switcher_links(response.content.decode())
    assert links["de"].startswith("/de/news/")
