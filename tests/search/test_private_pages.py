"""Pages in a restricted section (a view restriction on them or on an
ancestor) never show in search: not as results, not in the counts, not
when browsing by a filter, not in the API; and they show again when the
restriction goes. On PostgreSQL the restriction is tested in the same SQL
(``core.visibility``), elsewhere through Wagtail's ``public()``."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/api/v2/search/", {"locale": "en", **params})
    assert response.status_code == 200
    return response.json()


def titles(data) -> set[str]:
    return {item["title"] for item in data["results"]}


def test_a_restricted_hub_and_its_papers_are_left_out(client, shared_corpus):
    en = shared_corpus["en"]
    before = search(client, q="funding")
    assert {"Funding for creative hubs", "Funding rules in Greece"} <= titles(before)
    restriction = PageViewRestriction.objects.create(page=en["athens"], restriction_type="login")
    after = search(client, q="funding")
    assert "Funding rules in Greece" not in titles(after)
    assert after["total"] == before["total"] - 1
    html = client.get("/en/search/", {"q": "athens"}).content.decode()
    assert "Athens Makers" not in html and "Funding rules in Greece" not in html
    # Browsing by the partner filter alone, and the facet counts.
    browse = search(client, partner=str(en["athens"].pk))
    assert browse["total"] == 0
    countries = {o["value"]: o["count"] for o in search(client, q="hub")["facets"]["country"]}
    assert "GR" not in countries
    restriction.delete()
    assert titles(search(client, q="funding")) == titles(before)


def test_a_password_on_one_page_hides_that_page_only(client, shared_corpus):
    en = shared_corpus["en"]
    PageViewRestriction.objects.create(
        page=en["funding"], restriction_type="password", password="secret"
    )
    found = titles(search(client, q="funding"))
    assert "Funding for creative hubs" not in found
    assert "Funding rules in Greece" in found
