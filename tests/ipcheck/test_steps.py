"""Answering the check step by step: branching, back, session, errors."""

import pytest

from ipcheck.views import session_key
from tests.ipcheck.conftest import answer, complete

pytestmark = pytest.mark.django_db


def test_first_step_shows_progress_and_grouped_questions(client, check_page):
    response = client.get(check_page.url)
    assert response.status_code == 200
    body = response.content.decode()
    # The trade-mark step counts while the brand question is open...
    assert "Step 1 of 3" in body
    assert 'name="q-work"' in body and 'name="q-brand"' in body
    assert 'name="q-registered"' not in body
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_hidden_question_shows_only_after_its_tag(client, check_page):
    response = answer(client, check_page, 1, work="music", brand="no")
    assert response.status_code == 303
    body = client.get(check_page.url).content.decode()
    # ...and no more once the answer hides it.
    assert "Step 2 of 2" in body and 'name="q-team"' in body
    assert 'name="q-registered"' not in body

    client.post(check_page.url, {"step": "2", "action": "back"})
    answer(client, check_page, 1, work="music", brand="yes")
    body = client.get(check_page.url).content.decode()
    assert "Step 2 of 3" in body and 'name="q-registered"' in body


def test_answers_live_in_the_session_not_the_url(client, check_page):
    response = answer(client, check_page, 1, work="designs", brand="yes")
    assert response.status_code == 303
    assert response["Location"] == check_page.url
    assert "?" not in response["Location"]
    state = client.session[session_key(check_page)]
    assert state["answers"] == {"work": ["designs"], "brand": ["yes"]}
    response = complete(client, check_page)
    assert response["Location"] == check_page.url + "result/"


def test_changing_an_answer_drops_answers_of_questions_now_hidden(client, check_page):
    complete(client, check_page)
    client.post(check_page.url, {"step": "3", "action": "back"})
    client.post(check_page.url, {"step": "2", "action": "back"})
    answer(client, check_page, 1, work="designs", brand="no")
    state = client.session[session_key(check_page)]
    assert "registered" not in state["answers"]
    assert state["answers"]["team"] == ["staff"]


def test_back_goes_to_the_previous_visible_step(client, check_page):
    answer(client, check_page, 1, work="designs", brand="yes")
    answer(client, check_page, 2, registered="no")
    response = client.post(check_page.url, {"step": "3", "action": "back"})
    assert response.status_code == 303
    body = client.get(check_page.url).content.decode()
    assert "Step 2 of 3" in body
    assert 'value="no" id="q-registered-no" checked' in body


def test_missing_answer_is_a_form_error(client, check_page):
    response = answer(client, check_page, 1, work="designs")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Please answer every question on this step." in body
    assert 'href="#q-brand"' in body
    assert 'value="designs" id="q-work-designs" checked' in body
    assert client.session.get(session_key(check_page)) is None


def test_result_needs_a_complete_check(client, check_page):
    response = client.get(check_page.url + "result/")
    assert response.status_code == 302 and response["Location"] == check_page.url
    assert client.get(check_page.url + "result/pdf/").status_code == 302


def test_restart_forgets_the_answers(client, check_page):
    complete(client, check_page)
    assert client.get(check_page.url + "result/").status_code == 200
    response = client.post(check_page.url + "restart/")
    assert response.status_code == 303
    assert session_key(check_page) not in client.session
    assert client.get(check_page.url + "result/").status_code == 302


def test_steps_need_the_csrf_token(check_page):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(check_page.url, {"step": "1", "q-work": "designs", "q-brand": "yes"})
    assert response.status_code == 403
    page = strict.get(check_page.url)
    token = page.cookies["csrftoken"].value
    response = strict.post(
        check_page.url,
        {"step": "1", "q-work": "designs", "q-brand": "yes", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 303


def test_query_counts_per_step(client, check_page, django_assert_max_num_queries):
    """The site's header and language links cost most of these (the home
    page takes 21); the check adds the session and, on completion, two
    counter queries whatever the number of rules."""
    client.get(check_page.url)
    with django_assert_max_num_queries(17):
        assert client.get(check_page.url).status_code == 200
    with django_assert_max_num_queries(12):
        assert answer(client, check_page, 1, work="designs", brand="yes").status_code == 303
    with django_assert_max_num_queries(12):
        assert answer(client, check_page, 2, registered="no").status_code == 303
    with django_assert_max_num_queries(15):
        assert answer(client, check_page, 3, team=["staff"]).status_code == 303
    with django_assert_max_num_queries(20):
        assert client.get(check_page.url + "result/").status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get(check_page.url + "result/pdf/").status_code == 200
