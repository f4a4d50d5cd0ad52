"""The finder over HTTP: ranking with reasons, filters and their
combinations, closed calls, comparison, query counts."""

import re

import pytest
from django.utils.html import strip_tags

from .conftest import SME_DESIGN, days, deadlines, opportunity

URL = "/en/funding/"


def titles(response) -> list[str]:
    return [m.page.title for m in response.context["matches"]]


def text(response) -> str:
    return " ".join(strip_tags(response.content.decode()).split())


@pytest.mark.django_db
def test_ranking_on_the_known_fixture_with_reasons(client, opportunities):
    response = client.get(URL, SME_DESIGN)
    assert response.status_code == 200
    assert titles(response) == ["Design export grant", "Working capital loan"]
    best, loan = response.context["matches"]
    assert best.score > loan.score
    assert best.reason_line == (
        "matches: SME, Design, Internationalisation; up to €200,000; closes in 12 days"
    )
    assert loan.reason_line == (
        "matches: SME, Portugal; up to €2,000,000; rolling: apply at any time"
    )
    page = text(response)
    assert "Why it fits: matches: SME, Design, Internationalisation; up to €200,000" in page
    # What to check before applying, from the data.
    assert "The funder pays up to 80% of the costs: find the other 20%." in best.checks
    assert "Check before applying" in page
    # Labels.
    assert "Rolling" in page


@pytest.mark.django_db
def test_without_answers_every_open_call_soonest_deadline_first(client, opportunities):
    response = client.get(URL)
    assert response.status_code == 200
    # Dated calls soonest first, rolling after them; the closed one hidden.
    assert titles(response) == [
        "German design voucher",
        "Design export grant",
        "Cooperation projects",
        "Working capital loan",
    ]
    assert "Closing soon" in text(response)
    assert "Past design prize" not in text(response)


@pytest.mark.django_db
def test_past_deadlines_hidden_by_default_and_shown_on_request(client, opportunities):
    hidden = client.get(URL, {"sector": "design"})
    assert "Past design prize" not in titles(hidden)
    shown = client.get(URL, {"sector": "design", "past": "on"})
    assert "Past design prize" in titles(shown)
    closed = next(m for m in shown.context["matches"] if m.page.title == "Past design prize")
    assert not closed.is_open
    assert closed.deadline_note == "closed"
    # Closed calls come after the open ones with the same score.
    assert titles(shown).index("Past design prize") > titles(shown).index("Design export grant")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"instrument": "loan"}, ["Working capital loan"]),
        ({"instrument": ["loan", "voucher"]}, ["German design voucher", "Working capital loan"]),
        ({"who": "consortium"}, ["Cooperation projects"]),
        ({"who": "freelancer", "past": "on"}, ["Working capital loan", "Past design prize"]),
        ({"country": "DE", "instrument": "voucher"}, ["German design voucher"]),
        (
            {"country": "de"},
            ["German design voucher", "Design export grant", "Cooperation projects"],
        ),
        ({"country": "FR", "who": "sme"}, ["Design export grant"]),
        ({"who": "public"}, []),
        ({"instrument": "equity"}, []),
    ],
)
@pytest.mark.django_db
def test_filters_and_their_combinations(client, opportunities, query, expected):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert titles(response) == expected
    if not expected:
        assert "Nothing fits all your answers" in text(response)


@pytest.mark.django_db
def test_soft_answers_rank_but_do_not_exclude(client, opportunities):
    # Purpose and stage only rank: nothing is left out for them.
    response = client.get(URL, {"purpose": "working-capital"})
    assert titles(response)[0] == "Working capital loan"
    assert len(titles(response)) == 4
    # An amount above the maximum lowers the call and says so.
    response = client.get(URL, {"amount": "500000", "instrument": "grant"})
    grant = next(m for m in response.context["matches"] if m.page.title == "Design export grant")
    assert "The largest amount is €200,000." in grant.checks
    assert titles(response)[0] == "Cooperation projects"


@pytest.mark.django_db
def test_compare_up_to_three_side_by_side(client, opportunities):
    ids = [opportunities[name].pk for name in ("best", "loan", "closed")]
    response = client.get(URL, {"compare": ids})
    assert response.status_code == 200
    compared = response.context["compared"]
    assert [m.page.title for m in compared] == [
        "Design export grant",
        "Working capital loan",
        "Past design prize",
    ]
    html = response.content.decode()
    table = html[html.index("funding-compare__table") :]
    assert table.index("Design export grant") < table.index("Working capital loan")
    assert "80" in table and "EU-wide" in table and "Spain, Portugal" in table


@pytest.mark.django_db
def test_ticked_results_compare_and_shortlist(client, opportunities):
    ids = [opportunities["best"].pk, opportunities["german"].pk]
    response = client.get(URL, {"pick": ids, "compare_picked": "1", "who": "sme"})
    assert response.status_code == 200
    assert [m.page.pk for m in response.context["compared"]] == ids
    assert titles(response) == ["Design export grant", "German design voucher"]
    # The ticks stay ticked, and the download links carry them.
    html = response.content.decode()
    assert f'value="{ids[0]}" id="pick-{ids[0]}" checked' in html
    assert f"pick={ids[0]}" in response.context["csv_url"]


@pytest.mark.parametrize(
    "query",
    [
        {"compare": ["1", "2", "3", "4"]},
        {"compare": "abc"},
        {"compare": "999999"},
        {"compare": "²"},
        {"pick": "-1"},
        {"compare_picked": "1"},
    ],
)
@pytest.mark.django_db
def test_bad_comparisons_answer_400_with_the_reason(client, opportunities, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert response.context["errors"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"instrument": "bitcoin"}, "instrument", "Select a valid choice"),
        ({"amount": "-5"}, "amount", "cannot be negative"),
        ({"amount": "١٢٣"}, "amount", "whole number of euro"),
        ({"amount": "5²"}, "amount", "whole number of euro"),
        ({"amount": "9" * 19}, "amount", "whole number of euro"),
        ({"amount": "1" + "0" * 5000}, "amount", "whole number of euro"),
        ({"who": "robot"}, "who", "Select a valid choice"),
        ({"sector": "../etc"}, "sector", "Select a valid choice"),
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"past": "\x00"}, None, None),
    ],
)
@pytest.mark.django_db
def test_bad_answers_are_form_errors_with_400(client, opportunities, query, field, message):
    response = client.get(URL, query)
    if field is None:  # a checkbox takes any value as "on": no error
        assert response.status_code == 200
        return
    assert response.status_code == 400
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert message in response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
def test_amount_accepts_separators(client, opportunities):
    response = client.get(URL, {"amount": "150 000", "who": "sme"})
    assert response.status_code == 200
    assert response.context["form"].cleaned_data["amount"] == 150_000


@pytest.mark.django_db
def test_query_count_does_not_grow_with_opportunities(
    client, finder, opportunities, django_assert_max_num_queries
):
    client.get(URL)  # warm caches (site root, locales)
    with django_assert_max_num_queries(22) as few:
        client.get(URL, SME_DESIGN)
    # Read now: Django's query log keeps only the last 9,000 queries.
    few_count = len(few.captured_queries)
    for n in range(15):
        opportunity(finder, f"extra-{n}", sectors=[], deadlines=deadlines(n + 1), eu_wide=True)
    client.get(URL)  # publishing renewed the cached page chrome
    with django_assert_max_num_queries(few_count) as many:
        response = client.get(URL, {**SME_DESIGN, "compare": [opportunities["best"].pk]})
    assert len(response.context["matches"]) == 17
    assert len(many.captured_queries) == few_count


@pytest.mark.django_db
def test_opportunity_page_shows_facts_labels_and_example_dates(client, opportunities, finder):
    page = opportunity(
        finder,
        "example-dates",
        title="Example dates call",
        deadlines=deadlines(3, label="first cut-off") + deadlines(-3),
        dates_are_examples=True,
        checks="Register on the portal first.\n\nRead the call text.",
        amount_min=5_000,
        amount_max=60_000,
    )
    response = client.get(page.url)
    assert response.status_code == 200
    body = text(response)
    assert "The dates shown are examples: confirm them on the official page." in body
    assert "first cut-off" in body and "(passed)" in body
    assert "€5,000 to €60,000" in body
    assert "Register on the portal first." in body and "Read the call text." in body
    assert "Closing soon" in body
    assert re.search(r'href="https://example.org/example-dates"', response.content.decode())
    assert page.closes_on == days(3)


@pytest.mark.django_db
def test_page_lists_the_best_fits_and_files_take_all(client, opportunities, monkeypatch):
    monkeypatch.setattr("funding.views.MAX_SHOWN", 2)
    response = client.get(URL)
    assert len(response.context["matches"]) == 2 and response.context["total"] == 4
    assert "The 2 best fits are shown here" in text(response)
    assert "4 opportunities" in text(response)
    csv_text = client.get("/en/funding/shortlist.csv").content.decode()
    assert csv_text.count("https://example.org/") == 4
