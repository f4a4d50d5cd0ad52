"""Tampered steps answer 400 with a message (or a form error), never 500,
and never change the stored answers."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipcheck.views import session_key
from tests.ipcheck.conftest import answer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "data, message",
    [
        ({"step": "7", "q-work": "designs", "q-brand": "yes"}, "This step does not exist."),
        ({"step": "0"}, "This step does not exist."),
        ({"step": "²"}, "This step does not exist."),
        ({"step": "٣"}, "This step does not exist."),
        ({"step": "9" * 5000}, "This step does not exist."),
        ({"step": "3", "q-team": "solo"}, "Answer the earlier steps first."),
        ({"step": "1", "q-work": "robots", "q-brand": "yes"}, "not one of the choices"),
        ({"step": "1", "q-work": "designs\x00", "q-brand": "yes"}, "not one of the choices"),
        ({"step": "1", "q-work": ["designs", "music"], "q-brand": "yes"}, "Too many answers"),
        (
            {"step": "1", "q-work": "designs", "q-brand": "yes", "q-registered": "no"},
            "not on this step",
        ),
        ({"step": "1", "q-work": "designs", "q-brand": "yes", "action": "jump"}, "Next or Back"),
    ],
)
def test_tampered_steps_answer_400(client, check_page, data, message):
    response = client.post(check_page.url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not client.session.get(session_key(check_page), {}).get("answers")


def test_option_of_a_hidden_question_is_refused(client, check_page):
    answer(client, check_page, 1, work="designs", brand="no")  # the trade-mark step is hidden
    response = client.post(check_page.url, {"step": "2", "q-registered": "no"})
    assert response.status_code == 400
    assert "not part of your check" in response.content.decode()
    response = client.post(check_page.url, {"step": "3", "q-team": "solo", "q-registered": "no"})
    assert response.status_code == 400
    assert client.session[session_key(check_page)]["answers"] == {
        "work": ["designs"],
        "brand": ["no"],
    }


def test_a_tampered_session_is_read_as_empty_or_cleaned(client, check_page):
    session = client.session
    session[session_key(check_page)] = {"answers": {"work": ["robots"], "ghost": ["x"]}}
    session.save()
    response = client.get(check_page.url)
    assert response.status_code == 200
    assert "Step 1 of 3" in response.content.decode()
    session = client.session
    session[session_key(check_page)] = "not a dict"
    session.save()
    assert client.get(check_page.url).status_code == 200


def test_other_methods_are_refused(client, check_page):
    assert client.put(check_page.url).status_code == 405


TEXT = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["1", "2", "3", "²", "٣", "\x00", "9" * 40, "-1", "designs", "yes", "no", "staff"]
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    step=TEXT,
    action=st.sampled_from(["next", "back", "", "x"]) | TEXT,
    fields=st.dictionaries(
        st.sampled_from(["q-work", "q-brand", "q-registered", "q-team", "q-x", "step2", "\x00"]),
        st.lists(TEXT, max_size=3),
        max_size=4,
    ),
)
def test_fuzzed_steps_never_fail(client, check_page, step, action, fields):
    data = {"step": step, "action": action, **fields}
    response = client.post(check_page.url, data)
    assert response.status_code in (303, 400), response.status_code
    state = client.session.get(session_key(check_page))
    if state:
        questionnaire = check_page.questionnaire
        assert state["answers"] == questionnaire.clean_answers(state["answers"])
    client.post(check_page.url + "restart/")
