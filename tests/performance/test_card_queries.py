"""Cards cost the same number of queries however many of them show a
picture, and a page of search results the same however many page types it
shows (issue 16: at most 15; issue 12: cards with pictures everywhere).

One site is built for the module: first 3 pictured cards of each kind (news
in a hub's section, modules, partner logos), each with its own image, and
every page is counted; then 27 more of each, and every page is counted
again. Counts are taken right after Django's cache is emptied ("cold": Wagtail
keeps renditions there, so this is where a rendition query per card would
show) and once more ("warm").
"""

import datetime
import io
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from core.demo_tools import ensure_page
from core.pictures import pattern
from home.demo import ensure_home
from home.models import ContentPage
from knowledgebase.models import (
    CaseStoryIndexPage,
    GuidelineIndexPage,
    NewsIndexPage,
    PolicyPaperIndexPage,
)
from learning.models import LearningIndexPage
from partners.models import ExchangeIndexPage, ExchangePage, HubPage, PartnerIndexPage
from tests import vnu
from tests.knowledgebase.conftest import (
    make_event,
    make_guideline,
    make_news,
    make_paper,
    make_story,
)
from tests.learning.conftest import make_module, make_path
from tests.partners.conftest import add_page, make_partner

# The module's fixture holds the data; the marker has the test database set up.
pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
FEW, MANY = 3, 30
# A page of results of one type, and one of ten types (the demo shows at
# most five on a page).
ONE_TYPE, MANY_TYPES = "quartz", "zircon"


@dataclass
class Counts:
    cold: int
    warm: int


def count(client, url) -> Counts:
    client.get(url)  # renditions are made on the first view
    cache.clear()
    numbers = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        numbers.append(len(captured.captured_queries))
    return Counts(*numbers)


def picture(seed: str):
    data, _kind, _colour = pattern(seed, 480, 270)
    image = get_image_model()(title=seed, file=ImageFile(io.BytesIO(data), name=f"{seed}.png"))
    image.save()
    return image


class Site:
    def __init__(self):
        home = ensure_home()
        self.home = home
        self.news = ensure_page(home, NewsIndexPage, "news", title="News")
        self.learning = ensure_page(home, LearningIndexPage, "learning", title="Learning")
        self.partners = ensure_page(home, PartnerIndexPage, "partners", title="Partners")
        self.hub = make_partner(
            self.partners, HubPage, "kiln-hub", "Kiln hub", "PT", 38.7, -9.1, logo=picture("hub")
        )
        self.added = 0

    def grow(self, n: int) -> None:
        """``n`` more pictured news items (in the hub's section, naming it), modules
        and partners with logos, each with its own picture."""
        for _ in range(n):
            self.added += 1
            k = self.added
            make_news(
                self.hub, f"Kiln news {k}", image=picture(f"news-{k}"), image_alt="A pattern.",
                partners=[self.hub],
            )  # fmt: skip
            make_module(
                self.learning, f"kiln-module-{k}", title=f"Kiln module {k}",
                image=picture(f"module-{k}"), image_alt="A pattern.",
            )  # fmt: skip
            make_partner(
                self.partners, HubPage, f"kiln-hub-{k}", f"Kiln hub {k}", "DE", 52.5, 13.4,
                logo=picture(f"logo-{k}"),
            )  # fmt: skip

    def urls(self) -> dict[str, str]:
        return {
            "home": self.home.url,
            "news listing": self.news.url,
            "learning": self.learning.url,
            "partner directory": self.partners.url,
            "hub publications": self.hub.url,
            "search": "/en/search/?q=kiln",
        }


def many_types(home) -> None:
    """One page of each of ten types with one word, ten news items with
    another; one picture and one partner in each set."""
    word = MANY_TYPES.capitalize()
    older = datetime.date(2024, 1, 1)  # the home page keeps showing the pictured news
    indexes = {
        model: ensure_page(home, model, slug, title=slug)
        for model, slug in (
            (PolicyPaperIndexPage, "policy-papers"),
            (GuidelineIndexPage, "guidelines"),
            (CaseStoryIndexPage, "case-stories"),
            (ExchangeIndexPage, "exchanges"),
        )
    }
    news = NewsIndexPage.objects.get(slug="news")
    learning = LearningIndexPage.objects.get(slug="learning")
    partners = PartnerIndexPage.objects.get(slug="partners")
    make_paper(indexes[PolicyPaperIndexPage], f"{word} paper")
    make_guideline(indexes[GuidelineIndexPage], f"{word} guideline")
    make_story(indexes[CaseStoryIndexPage], f"{word} story", image=picture("story"))
    make_news(news, f"{word} news", date=older)
    make_event(news, f"{word} event", date=datetime.date(2023, 5, 20))  # older than the news
    module = make_module(learning, "zircon-module", title=f"{word} module")
    make_path(learning, "zircon-path", [module], title=f"{word} path")
    hub = make_partner(partners, HubPage, "zircon-hub", f"{word} hub", "IT", 45.1, 7.7)
    add_page(
        indexes[ExchangeIndexPage], ExchangePage, title=f"{word} exchange",
        slug="zircon-exchange", programme_round="TWIN Hubs", format="onsite",
        partners=[hub, HubPage.objects.get(slug="kiln-hub")], date=datetime.date(2024, 10, 1),
    )  # fmt: skip
    ensure_page(home, ContentPage, "zircon", title=f"{word} page", body="<p>About.</p>")
    for n in range(10):
        # One with a picture and a partner, as among the ten types: the same
        # pictures and partner labels to read, so only the types differ.
        extra = {"image": picture("quartz"), "partners": [hub]} if n == 0 else {}
        make_news(news, f"{ONE_TYPE.capitalize()} news {n}", date=older, **extra)


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            site = Site()
            site.grow(FEW)
            many_types(site.home)
        client = Client()
        urls = site.urls()
        searches = {word: f"/en/search/?q={word}" for word in (ONE_TYPE, MANY_TYPES)}
        types = {
            word: {r.type_label for r in client.get(url).context["outcome"].results}
            for word, url in searches.items()
        }
        few = {label: count(client, url) for label, url in {**urls, **searches}.items()}
        with TestCase.captureOnCommitCallbacks(execute=True):
            site.grow(MANY - FEW)
        many = {label: count(client, url) for label, url in urls.items()}
        pages = {label: client.get(url).content.decode() for label, url in urls.items()}
        yield {"few": few, "many": many, "pages": pages, "types": types}
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    "label",
    ["home", "news listing", "learning", "partner directory", "hub publications", "search"],
)
def test_pictured_cards_cost_the_same_with_3_and_30(label, measured):
    few, many = measured["few"][label], measured["many"][label]
    assert many == few, (label, few, many)
    assert many.warm <= MAX_QUERIES


# How many pictured cards each page shows at most (its page size).
SHOWN = {
    "home": 3,
    "news listing": 12,
    "learning": MANY,
    "partner directory": MANY,
    "hub publications": 12,
    "search": 10,
}


@pytest.mark.parametrize("label", list(SHOWN))
def test_the_cards_show_their_pictures(label, measured):
    html = measured["pages"][label]
    media = html.count('class="card__media')
    assert media >= SHOWN[label], (label, media)
    assert html.count('loading="lazy"') >= SHOWN[label]


def test_search_results_of_many_types_cost_what_one_type_costs(measured):
    types = measured["types"]
    assert len(types[ONE_TYPE]) == 1
    assert len(types[MANY_TYPES]) >= 8  # of ten; the demo shows at most five
    one, many = measured["few"][ONE_TYPE], measured["few"][MANY_TYPES]
    assert many.warm <= MAX_QUERIES
    assert many == one


def test_the_search_cards_are_valid_html(measured):
    reason = vnu.available()
    if reason:
        pytest.fail(reason)
    pages = {
        "search": measured["pages"]["search"],
        "news listing": measured["pages"]["news listing"],
    }
    errors = vnu.validate(pages)
    assert not any(errors.values()), errors
