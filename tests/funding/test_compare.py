"""The comparison shows eligibility side by side and marks, in words, what
does not fit the visitor's answers (carried in the GET query)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .conftest import SME_DESIGN

URL = "/en/funding/"

pytestmark = pytest.mark.django_db


def table_rows(response) -> dict[str, list[str]]:
    """{row label: [cell text, …]} of the comparison table."""
    rows = {}
    for label, cells in response.context["compare_rows"]:
        rows[str(label)] = [
            " ".join(strip_tags(f"{c.text} {c.verdict} {c.note}").split()) for c in cells
        ]
    return rows


def compare(client, opportunities, names, **answers):
    ids = [opportunities[name].pk for name in names]
    response = client.get(URL, {**answers, "compare": ids})
    assert response.status_code == 200
    return response


def test_eligibility_rows_side_by_side(client, opportunities):
    response = compare(client, opportunities, ["best", "consortium", "german"])
    rows = table_rows(response)
    assert list(rows) == [
        "Kind of funding",
        "Who may apply",
        "Stage",
        "Sectors",
        "What the money is for",
        "Where",
        "Amount",
        "Co-financing",
        "Deadlines",
    ]
    assert rows["Who may apply"] == ["SME, Micro-enterprise", "Consortium", "SME"]
    assert rows["Stage"][0] == "Growth" and rows["Stage"][1] == "Any stage"
    assert rows["Where"] == ["EU-wide", "EU-wide", "Germany (Saxony)"]
    assert rows["Amount"][0] == "€10,000 to €200,000"
    assert rows["Co-financing"][0] == "80% of the costs; you find the other 20%"
    # No answers: nothing is judged.
    html = response.content.decode()
    assert "Does not fit" not in html and "Fits your answer" not in html
    assert "Answer the questions above to see which points fit you." in html


def test_mismatches_are_marked_in_words(client, opportunities):
    response = compare(client, opportunities, ["best", "consortium", "german"], **SME_DESIGN)
    rows = table_rows(response)
    assert rows["Who may apply"] == [
        "SME, Micro-enterprise fits",
        "Consortium misses not open to: SME",
        "SME fits",
    ]
    assert rows["Where"][2] == "Germany (Saxony) misses not open in Portugal"
    assert rows["Where"][0] == "EU-wide fits"
    assert rows["Amount"][2] == "up to €15,000 misses the largest amount is €15,000"
    assert rows["Amount"][0].endswith("fits")
    html = " ".join(strip_tags(response.content.decode()).split())
    assert "✗ Does not fit: not open to: SME" in html
    assert "✓ Fits your answer" in html
    assert "Fits every answer you gave" in html  # the design export grant
    assert "2 points do not fit your answers" in html  # the German voucher
    compared = response.context["compared"]
    assert [m.missed for m in compared] == [0, 1, 2]


def test_closed_calls_and_instrument_choice_are_marked(client, opportunities):
    response = compare(
        client, opportunities, ["closed", "loan"], instrument="grant", who="freelancer"
    )
    rows = table_rows(response)
    assert rows["Deadlines"][0].endswith("misses this call has closed")
    assert rows["Kind of funding"] == [
        "Prize misses not a kind of funding you chose",
        "Loan misses not a kind of funding you chose",
    ]
    assert rows["Who may apply"][1] == "SME, Freelancer fits"


def test_regions_ask_to_check(client, opportunities):
    response = compare(client, opportunities, ["german"], country="DE")
    assert table_rows(response)["Where"] == [
        "Germany (Saxony) unsure only in some regions: check yours"
    ]


def test_compare_costs_no_query_per_row(client, opportunities):
    client.get(URL)
    with CaptureQueriesContext(connection) as one:
        compare(client, opportunities, ["best"], **SME_DESIGN)
    with CaptureQueriesContext(connection) as three:
        compare(client, opportunities, ["best", "loan", "german"], **SME_DESIGN)
    assert len(three.captured_queries) == len(one.captured_queries)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    who=st.sampled_from(["", "sme", "consortium", "nobody", "٣", "x\x00"]),
    amount=st.sampled_from(["", "0", "5000", "-1", "²", "9" * 30, "１００"]),
    country=st.sampled_from(["", "PT", "de", "XX", "Ü"]),
    stage=st.text(max_size=8),
)
def test_fuzz_compare_with_answers(client, opportunities, who, amount, country, stage):
    ids = [opportunities["best"].pk, opportunities["german"].pk]
    query = {"compare": ids, "who": who, "amount": amount, "country": country, "stage": stage}
    response = client.get(URL, query)
    assert response.status_code in (200, 400)
