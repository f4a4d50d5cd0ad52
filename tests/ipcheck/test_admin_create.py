"""An editor builds a small check through the admin's page form."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ipcheck.models import IPCheckPage

pytestmark = pytest.mark.django_db


def listblock(items):
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i), "id": ""}
        for i, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def option(key, label, tags):
    return {"key": key, "label": label, "tags": tags}


def form(show_if="has-brand", when="has-brand"):
    return nested_form_data(
        {
            "title": "IP check",
            "slug": "ip-check",
            "summary": "",
            "intro": rich_text("<p>Short questionnaire.</p>"),
            "result_note": rich_text(""),
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "key": "brand",
                            "question": "Do you have a brand?",
                            "help": "",
                            "show_if": "",
                            "new_step": "on",
                            "options": listblock(
                                [option("yes", "Yes", "has-brand"), option("no", "No", "")]
                            ),
                        },
                    ),
                    (
                        "question",
                        {
                            "key": "registered",
                            "question": "Is it registered?",
                            "help": "",
                            "show_if": show_if,
                            "new_step": "on",
                            "options": listblock(
                                [option("yes", "Yes", "tm"), option("no", "No", "no-tm")]
                            ),
                        },
                    ),
                ]
            ),
            "rules": streamfield(
                [
                    (
                        "rule",
                        {
                            "key": "register",
                            "when": when,
                            "unless": "tm",
                            "kind": "action",
                            "right": "trade-marks",
                            "urgency": "2",
                            "title": "Register it",
                            "advice": "File with your office.",
                            "guidelines": listblock([]),
                            "modules": listblock([]),
                            "help_desks": listblock(
                                [{"name": "EUIPO", "url": "https://euipo.europa.eu/"}]
                            ),
                        },
                    )
                ]
            ),
            "action-publish": "action-publish",
        }
    )


def test_editor_creates_a_check_in_the_admin(client, superuser, home):
    client.force_login(superuser)
    url = f"/admin/pages/add/ipcheck/ipcheckpage/{home.pk}/"
    response = client.post(url, form())
    assert response.status_code == 302, response.context["form"].errors
    page = IPCheckPage.objects.get(slug="ip-check")
    assert page.live
    assert page.questionnaire.questions[1].show_if == frozenset({"has-brand"})
    assert page.rule_list[0].help_desks == [{"name": "EUIPO", "url": "https://euipo.europa.eu/"}]


@pytest.mark.parametrize(
    "show_if, when, field",
    [("Has Brand!", "has-brand", "questions"), ("has-brand", "nobody-gives-this", "rules")],
)
def test_admin_refuses_broken_logic(client, superuser, home, show_if, when, field):
    client.force_login(superuser)
    url = f"/admin/pages/add/ipcheck/ipcheckpage/{home.pk}/"
    response = client.post(url, form(show_if=show_if, when=when))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not IPCheckPage.objects.exists()
