"""At most 15 SQL queries for every page type, rendered for a visitor who is
not signed in, and the same number when the content doubles.

One site is built for the module (tests/performance/site.py) with
``ITEMS`` of everything, more than the demo has, and every page is counted;
then ``ITEMS`` more of everything are added and every page is counted again.
Each test then renders its page once more under
``django_assert_max_num_queries``.

"Warm" is how a busy site renders: the page chrome (menu, language switcher,
hreflang links) in the cache. "Cold" is right after the cache was emptied:
the chrome is computed (two queries) and Wagtail reads its site root paths
again (two more).
"""

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.performance.site import build_site, grow

ITEMS = 15
MAX_QUERIES = 15
CHROME_COLD = 5  # the chrome, and what is kept with it (footer, upcoming events), read again

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


def count(client, url) -> Counts:
    # A first visit: a search's first hit of the day makes its statistics rows.
    client.get(url)
    cache.clear()
    numbers = []
    for _ in range(2):
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
        site = build_site(ITEMS)
        client = Client()
        urls = site.urls()
        first = {label: count(client, urls[label]) for label in PAGE_TYPES}
        grow(site, ITEMS)
        urls = site.urls()
        second = {label: count(client, urls[label]) for label in PAGE_TYPES}
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


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_at_most_15_queries_not_growing_with_content(
    label, measured, db, client, django_assert_max_num_queries
):
    site, urls, first, second = measured
    response = client.get(urls[label])  # the chrome is cached, as on a busy site
    limit = MAX_QUERIES
    if label == "search (results)":
        # The results are read with their stored cards, whatever their types
        # (tests/performance/test_card_queries.py compares one and ten types).
        types = {result.type_label for result in response.context["outcome"].results}
        assert len(types) >= 3
    with django_assert_max_num_queries(limit):
        response = client.get(urls[label])
    assert response.status_code == 200
    assert second[label].warm <= limit
    assert second[label].cold <= limit + CHROME_COLD
    # Twice the content, the same number of queries.
    assert (second[label].warm, second[label].cold) == (first[label].warm, first[label].cold)


def test_pages_show_the_doubled_content(measured, db, client):
    """The counts above are of pages that really list what was added."""
    site, urls, first, second = measured
    hub = client.get(urls["HubPage"]).content.decode()
    assert hub.count('class="card"') >= 12  # publications, at most 12 shown
    assert hub.count("exchange-list") == 1 and hub.count("TWIN Hubs 2024/25") == 2 * ITEMS
    paper = client.get(urls["PolicyPaperPage"]).content.decode()
    assert paper.count('class="kb-authors__name"') == 2 + 2 * ITEMS
    path = client.get(urls["LearningPathPage"]).content.decode()
    assert path.count("Orbital module") >= 2 * ITEMS
    results = client.get(urls["search (results)"])
    assert results.context["outcome"].total >= 10 * ITEMS
