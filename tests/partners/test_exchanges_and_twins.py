import pytest
from django.core.exceptions import ValidationError

from partners.models import ExchangePage
from partners.twins import suggest_twins

from .conftest import add_page

pytestmark = pytest.mark.django_db


def test_exchange_index_lists_and_filters(client, exchanges):
    response = client.get("/en/exchanges/")
    assert response.status_code == 200
    assert [e.title for e in response.context["exchanges"]] == [
        "Porto and Graz",
        "Lisbon meets Leipzig",
    ]
    by_round = client.get("/en/exchanges/?round=TWIN Hubs 2022/23")
    assert [e.title for e in by_round.context["exchanges"]] == ["Lisbon meets Leipzig"]
    by_country = client.get("/en/exchanges/?country=AT")
    assert [e.title for e in by_country.context["exchanges"]] == ["Porto and Graz"]
    assert client.get("/en/exchanges/?round=nonsense").status_code == 400


def test_exchange_page_renders(client, exchanges):
    html = client.get(exchanges["first"].url).content.decode()
    assert "TWIN Hubs 2022/23" in html
    assert "Hub Lisbon" in html and "Hub Leipzig" in html
    assert "On-site" in html


def test_draft_exchange_is_not_listed(client, exchange_index, partners, exchanges):
    add_page(
        exchange_index,
        ExchangePage,
        publish=False,
        title="Secret exchange",
        slug="secret",
        programme_round="TWIN Hubs 2022/23",
        date="2022-01-01",
        partners=[partners["lisbon"], partners["graz"]],
    )
    assert "Secret exchange" not in client.get("/en/exchanges/").content.decode()
    assert "Secret exchange" not in client.get(partners["lisbon"].url).content.decode()


def test_exchange_needs_two_partners_and_a_hub(partners):
    page = ExchangePage(title="x", slug="x", programme_round="r", date="2022-01-01")
    page.partners = [partners["lisbon"]]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "partners" in error.value.message_dict
    page.partners = [partners["graz"], partners["graz"]]
    with pytest.raises(ValidationError):
        page.full_clean()


def test_twin_suggestions_on_a_known_fixture(partners):
    suggestions = suggest_twins(partners["lisbon"])
    # Porto is in the same country: never suggested. Leipzig shares design,
    # crafts and finance and offers a prototyping lab; Graz shares nothing.
    assert [s.partner.title for s in suggestions] == ["Hub Leipzig"]
    leipzig = suggestions[0]
    assert leipzig.shared == ["Crafts", "Design", "Finance"]
    assert leipzig.offers == ["Prototyping lab"]
    assert leipzig.score == 2 * 3 + 1


def test_twin_suggestions_rank_and_show_reason(client, partners):
    suggestions = suggest_twins(partners["leipzig"])
    assert [s.partner.title for s in suggestions] == ["Hub Lisbon", "Hub Porto", "Uni Graz"]
    html = client.get(partners["lisbon"].url).content.decode()
    assert "shares: Crafts, Design, Finance; offers: Prototyping lab" in html


def test_hub_lists_its_section_publications(client, partners):
    from knowledgebase.models import NewsPage

    add_page(partners["lisbon"], NewsPage, title="Lisbon news", slug="news", date="2024-01-01")
    add_page(
        partners["lisbon"],
        NewsPage,
        publish=False,
        title="Draft news",
        slug="draft",
        date="2024-01-02",
    )
    html = client.get(partners["lisbon"].url).content.decode()
    assert "Lisbon news" in html
    assert "Draft news" not in html


def test_hub_page_query_count_does_not_grow_with_exchanges(
    client, exchange_index, partners, exchanges, django_assert_max_num_queries
):
    url = partners["lisbon"].url
    client.get(url)
    # The absolute number grows with each app that can link a partner (one
    # query per reverse relation); what matters is that exchanges add none.
    with django_assert_max_num_queries(50) as few:
        assert client.get(url).status_code == 200
    baseline = len(few.captured_queries)
    for i in range(5):
        add_page(
            exchange_index,
            ExchangePage,
            title=f"Extra {i}",
            slug=f"extra-{i}",
            programme_round="TWIN Hubs 2023/24",
            date="2023-05-01",
            partners=[partners["lisbon"], partners["graz"]],
        )
    client.get(url)  # publishing forgot the cached page chrome: warm it again
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert len(response.context["exchanges"]) == 6
