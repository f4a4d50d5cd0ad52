"""No draft or private page leaks through the page URL, the API, or the
partners' own listings (directory, CSV, exchanges, a hub's publications)."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from partners.models import ExchangePage, HubPage

from .conftest import add_page, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(directory, exchange_index, partners):
    from knowledgebase.models import NewsPage

    draft_hub = make_partner(
        directory, HubPage, "draft-hub", "Draft Hub", "FR", 48.8, 2.3, publish=False
    )
    private_hub = make_partner(directory, HubPage, "private-hub", "Private Hub", "FR", 45.7, 4.8)
    PageViewRestriction.objects.create(
        page=private_hub, restriction_type="password", password="s3cret"
    )
    draft_news = add_page(
        partners["lisbon"],
        NewsPage,
        publish=False,
        title="Draft News",
        slug="draft-news",
        date=datetime.date(2025, 1, 1),
    )
    private_news = add_page(
        partners["lisbon"],
        NewsPage,
        title="Private News",
        slug="private-news",
        date=datetime.date(2025, 1, 2),
    )
    PageViewRestriction.objects.create(page=private_news, restriction_type="login")
    draft_exchange = add_page(
        exchange_index,
        ExchangePage,
        publish=False,
        title="Draft Exchange",
        slug="draft-ex",
        programme_round="TWIN Hubs 2022/23",
        date=datetime.date(2022, 2, 2),
        partners=[partners["lisbon"], partners["leipzig"]],
    )
    return [draft_hub, private_hub, draft_news, private_news, draft_exchange]


SECRET_TITLES = ["Draft Hub", "Private Hub", "Draft News", "Private News", "Draft Exchange"]


def test_hidden_pages_are_not_served(client, hidden):
    for page in hidden:
        response = client.get(page.url)
        # Drafts: 404; private: the login or password form, never the content.
        assert response.status_code in (404, 302, 200)
        if response.status_code == 200:
            # Wagtail's password form, which names nothing of the page.
            html = response.content.decode()
            assert 'name="password"' in html
            assert page.title not in html


@pytest.mark.parametrize(
    "url",
    [
        "/en/partners/",
        "/en/partners/?view=list",
        "/en/partners/export.csv",
        "/en/exchanges/",
        "/en/partners/hub-lisbon/",
        "/en/partners/hub-leipzig/",
        "/en/exchanges/lisbon-leipzig/",
    ],
)
def test_listings_do_not_leak(client, hidden, exchanges, url):
    body = client.get(url).content.decode()
    for title in SECRET_TITLES:
        assert title not in body, (title, url)


def test_api_does_not_leak(client, hidden):
    listing = client.get("/api/v2/pages/?limit=20").json()
    titles = {item["title"] for item in listing["items"]}
    assert "Hub Lisbon" in titles
    assert not titles & set(SECRET_TITLES)
    for page in hidden:
        assert client.get(f"/api/v2/pages/{page.pk}/", follow=True).status_code == 404
    for kind in ("partners.HubPage", "partners.ExchangePage"):
        response = client.get(f"/api/v2/pages/?type={kind}&fields=*")
        assert response.status_code == 200, response.json()
        items = response.json()["items"]
        assert not {i["title"] for i in items} & set(SECRET_TITLES)
        assert all("contact_email" not in item for item in items)
