"""Any query string and any facet value gets a 200, on the page and the API."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.facets import FACETS

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    '"unbalanced',
    "funding AND NOT (hub OR",
    "'; DROP TABLE wagtailcore_page; --",
    "title:(funding) ^3 ~2 *",
    "\x00\x01binary\xff",
    "ΦΟΡΈΑΣ χρηματοδότηση",
    "资金 助成金 تمويل",
    "a" * 5000,
    "NEAR(funding hub) * - + ! {}[]",
    "🎨🎭",
]
HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
facet_values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        ["", "0", "-1", "99999999999999999999", "9223372036854775808", "²", "DE", "yes", "'"]
    ),
)


@pytest.mark.parametrize("q", NASTY)
def test_nasty_queries_give_200(client, shared_corpus, q):
    assert client.get("/en/search/", {"q": q}).status_code == 200
    assert client.get("/api/v2/search/", {"q": q, "locale": "de"}).status_code == 200
    assert client.get("/en/search/suggest/", {"q": q}).status_code == 200


@HYPOTHESIS
@given(q=st.text(max_size=300))
def test_any_query_on_the_page(client, shared_corpus, q):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == 200


@HYPOTHESIS
@given(
    q=st.text(max_size=60),
    filters=st.dictionaries(st.sampled_from(FACETS), st.lists(facet_values, max_size=4)),
    page=st.text(max_size=12),
    sort=st.text(max_size=12),
)
def test_any_facet_value_in_the_api(client, shared_corpus, q, filters, page, sort):
    params = {"q": q, "locale": "en", "page": page, "sort": sort, **filters}
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 200
    data = response.json()
    assert data["page"] >= 1
    assert set(data["facets"]) == set(FACETS)


def test_repeated_and_unknown_facet_values(client, shared_corpus):
    response = client.get(
        "/en/search/?q=funding&country=DE&country=DE&country=ZZ&type=abc&partner=x&year=nope"
    )
    assert response.status_code == 200
    assert "Nothing matches" in response.content.decode()


@pytest.mark.parametrize("value", ["9223372036854775808", "99999999999999999999", "²", "-1"])
def test_out_of_range_ids_in_facets(client, shared_corpus, value):
    for facet in ("type", "partner"):
        response = client.get("/api/v2/search/", {"q": "funding", facet: value})
        assert response.status_code == 200
        assert response.json()["total"] == 0


@pytest.mark.parametrize("q", ["\n", "\t \r\n", "\u3000"])
@pytest.mark.parametrize("listing", ["pages", "documents", "images"])
def test_white_space_search_in_wagtails_api_finds_nothing_without_failing(
    client, shared_corpus, listing, q
):
    """Wagtail's API endpoints search through the same backend: a query of
    only white space (schemathesis found ``?search=%0A``) used to be a MATCH
    of nothing, a 500."""
    response = client.get(f"/api/v2/{listing}/", {"search": q})
    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"] == []
