"""At most 15 SQL queries for every page type, rendered for a visitor who is
not signed in, and the same number when the content doubles.

One site is built for the module (tests/performance/site.py) with
``ITEMS`` of everything, more than the demo has, and every page is counted,
in English and in German (its pages translated with wagtail-localize, as
editors and ``load_demo`` do); then ``ITEMS`` more of everything are added
and every page is counted again.
Each test then renders its page once more under
``django_assert_max_num_queries``.

"Warm" is how a busy site renders: the page chrome (menu, language switcher,
hreflang links) in the cache. "Cold" is right after the cache was emptied:
the chrome is computed (two queries), with each language's home page and
locale (one) and what else is kept with it, and Wagtail reads its site root
paths again (two more). "Published" is the first render after a publish
elsewhere: the chrome is computed again, Wagtail's site root paths stay;
that too stays within 15.
"""

import re
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.performance.site import WORD, build_site, grow

ITEMS = 15
MAX_QUERIES = 15
LANGUAGES = ["en", "de"]
# The chrome, and what is kept with it (footer, upcoming events, each
# language's home page and locale, an open consultation's sector choices),
# read again.
CHROME_COLD = 7

PAGE_TYPES = [
    "HomePage",
    "ContentPage",
    "PolicyPaperIndexPage",
    "GuidelineIndexPage",
    "CaseStoryIndexPage",
    "NewsIndexPage",
    "PolicyPaperPage",
    "GuidelinePage",
    "CaseStoryPage",
    "NewsPage",
    "EventPage",
    "LearningIndexPage",
    "LearningModulePage",
    "LearningPathPage",
    "PartnerIndexPage",
    "HubPage",
    "EducationPartnerPage",
    "ExchangeIndexPage",
    "ExchangePage",
    "FundingIndexPage",
    "FundingOpportunityPage",
    "IPCheckPage",
    "search (results)",
    "search (landing)",
    "skills explorer",
    "partner directory ?country",
    "policy papers ?theme",
]


@dataclass
class Counts:
    cold: int
    warm: int
    published: int


def count(client, url) -> Counts:
    from core.chrome import bump_generation

    # A first visit: a search's first hit of the day makes its statistics rows.
    client.get(url)
    cache.clear()
    numbers = []
    for step in range(3):
        if step == 2:
            bump_generation()  # what any publish does to the chrome
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        numbers.append(len(captured.captured_queries))
    return Counts(*numbers)


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """The site, and each page's counts with ``ITEMS`` and ``2 * ITEMS``."""
    with django_db_blocker.unblock(), transaction.atomic():
        site = build_site(ITEMS, languages=LANGUAGES[1:])
        client = Client()

        def counts():
            urls = {code: site.urls(code) for code in LANGUAGES}
            found = {
                (code, label): count(client, urls[code][label])
                for code in LANGUAGES
                for label in PAGE_TYPES
            }
            return urls, found

        _urls, first = counts()
        grow(site, ITEMS)
        urls, second = counts()
        yield site, urls, first, second
        transaction.set_rollback(True)


def test_every_page_type_is_covered(measured):
    from django.apps import apps
    from wagtail.models import Page

    page_models = {
        model.__name__
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    }
    page_models -= {"PartnerPage"}  # not creatable: hubs and education partners are
    assert page_models <= set(PAGE_TYPES)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("label", PAGE_TYPES)
def test_at_most_15_queries_not_growing_with_content(
    label, code, measured, db, client, django_assert_max_num_queries
):
    site, all_urls, first, second = measured
    urls = all_urls[code]
    response = client.get(urls[label])  # the chrome is cached, as on a busy site
    limit = MAX_QUERIES
    if label == "search (results)":
        # The results are read with their stored cards, whatever their types
        # (tests/performance/test_card_queries.py compares one and ten types).
        # In English the first page is mostly news (the shortest texts rank
        # first); the German one, of the translated newest pages, mixes types.
        types = {result.type_label for result in response.context["outcome"].results}
        assert len(types) >= (3 if code == "de" else 2)
    with django_assert_max_num_queries(limit):
        response = client.get(urls[label])
    assert response.status_code == 200
    key = (code, label)
    assert second[key].warm <= limit
    assert second[key].published <= limit
    assert second[key].cold <= limit + CHROME_COLD
    # Twice the content, the same number of queries.
    assert second[key] == first[key]


def test_pages_show_the_doubled_content(measured, db, client):
    """The counts above are of pages that really list what was added."""
    site, all_urls, first, second = measured
    urls = all_urls["en"]
    hub = client.get(urls["HubPage"]).content.decode()
    assert hub.count('class="card"') >= 12  # publications, at most 12 shown
    assert hub.count("exchange-list") == 1 and hub.count("TWIN Hubs 2024/25") == 2 * ITEMS
    for code in LANGUAGES:
        paper = client.get(all_urls[code]["PolicyPaperPage"]).content.decode()
        assert paper.count('class="kb-authors__name"') == 2 + 2 * ITEMS, code
        assert paper.count(f"{WORD} annex") == 2 * ITEMS, code  # documents linked
        assert len(re.findall(r"Comment \d+:", paper)) == 2 * ITEMS, code  # published comments
        assert f"{WORD} series" in paper, code
        assert 'class="kb-download"' in paper, code
    path = client.get(urls["LearningPathPage"]).content.decode()
    assert path.count("Orbital module") >= 2 * ITEMS
    results = client.get(urls["search (results)"])
    assert results.context["outcome"].total >= 10 * ITEMS
    german = client.get(all_urls["de"]["NewsIndexPage"])
    assert len(german.context["items"]) == 4, "the newest news item and event of each grow"
