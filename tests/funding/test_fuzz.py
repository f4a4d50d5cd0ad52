"""Any GET parameters of the finder and its files answer 200 or 400,
never 500; a 400 always says why."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NAMES = ["who", "sector", "purpose", "amount", "country", "stage", "instrument", "past"]
NAMES += ["compare", "pick", "compare_picked", "page", "format"]
NASTY = [
    "",
    "0",
    "-1",
    "²",
    "٣",
    "１２",
    "\x00",
    "9" * 30,
    "9223372036854775808",
    "1e9",
    "sme",
    "design",
    "grant",
    "PT",
    "pt",
    "' OR 1=1 --",
    "<script>",
    "€200.000",
    "1 000",
]
values = st.one_of(st.text(max_size=40), st.sampled_from(NASTY))
params = st.dictionaries(st.sampled_from(NAMES), st.lists(values, min_size=1, max_size=4))


@FUZZ
@given(query=params)
@pytest.mark.parametrize("path", ["", "shortlist.csv", "deadlines.ics"])
@pytest.mark.django_db
def test_any_parameters_answer_200_or_400(client, opportunities, path, query):
    response = client.get(f"/en/funding/{path}", query)
    assert response.status_code in (200, 400), (query, response.status_code)
    if response.status_code == 400:
        body = response.content.decode()
        assert ('role="alert"' in body) if not path else body.strip()
