"""The profile: rules firing, ranking by urgency, links, print and PDF."""

import io

import pytest
from pypdf import PdfReader

from ipcheck.logic import profile, read_rules
from ipcheck.models import IPCheckCount
from tests.ipcheck.conftest import complete

pytestmark = pytest.mark.django_db


def test_rules_fire_on_tags_and_unless_blocks(check_page):
    rules = read_rules(check_page.rules)
    fired = {r.key for r in profile(rules, frozenset({"makes-designs", "solo"}))["fired"]}
    assert fired == {"hold-designs", "records", "solo-risk"}
    fired = {r.key for r in profile(rules, frozenset({"solo", "has-team"}))["fired"]}
    assert fired == {"team-contracts"}  # "unless has-team" stops the risk
    # Every tag of "when" is needed.
    fired = {r.key for r in profile(rules, frozenset({"tm-unregistered"}))["fired"]}
    assert "register-mark" not in fired


def test_actions_are_ranked_by_urgency(check_page):
    rules = read_rules(check_page.rules)
    tags = frozenset({"makes-designs", "has-brand", "tm-unregistered", "has-team"})
    result = profile(rules, tags)
    assert [r.key for r in result["actions"]] == ["team-contracts", "register-mark", "records"]
    assert [g["right"] for g in result["holdings"]] == ["designs", "trade-marks"]


def test_result_page_shows_the_profile(client, check_page, guideline):
    complete(client, check_page)
    response = client.get(check_page.url + "result/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = response.content.decode()
    assert "Your designs" in body and "Your trade name" in body
    first, second, third = (
        body.index("Sign IP clauses with your team"),
        body.index("Register your trade mark"),
        body.index("Keep dated records"),
    )
    assert first < second < third
    assert f'href="{guideline.url}"' in body
    assert 'href="https://euipo.europa.eu/"' in body
    assert "Nobody checks your contracts" not in body
    assert "css/ipcheck.css" in body and "css/print.css" in body


def test_pdf_holds_the_actions(client, check_page):
    complete(client, check_page)
    response = client.get(check_page.url + "result/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    for title in ("Sign IP clauses with your team", "Register your trade mark", "Your designs"):
        assert title in text
    assert text.index("Sign IP clauses") < text.index("Register your trade mark")
    assert "https://euipo.europa.eu/" in text
    # Holdings under their area, actions with their urgency.
    assert text.index("Designs") < text.index("Your designs") < text.index("Trade marks")
    assert "Now: Sign IP clauses with your team" in text


def test_pdf_extracts_greek_and_polish(client, check_page):
    value = list(check_page.rules.raw_data)
    value[4]["value"]["title"] = "Υπογράψτε ρήτρες πνευματικής ιδιοκτησίας"
    value[5]["value"]["title"] = "Zachowaj datowane szkice, żeby udowodnić autorstwo"
    check_page.rules = value
    check_page.save_revision().publish()
    complete(client, check_page)
    response = client.get(check_page.url + "result/pdf/")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Υπογράψτε ρήτρες πνευματικής ιδιοκτησίας" in text
    assert "żeby udowodnić" in text


def test_a_completed_check_is_counted_once_per_session(client, check_page):
    complete(client, check_page)
    complete(client, check_page)  # again: the same session counts once
    counts = {
        (row.dimension, row.key): row.count
        for row in IPCheckCount.objects.filter(check_key=check_page.translation_key)
    }
    assert counts[("completed", "")] == 1
    assert counts[("rule", "register-mark")] == 1
    assert counts[("tag", "tm-unregistered")] == 1
    assert ("rule", "solo-risk") not in counts
    from django.test import Client

    complete(Client(), check_page)
    assert (
        IPCheckCount.objects.get(check_key=check_page.translation_key, dimension="completed").count
        == 2
    )
