"""Staff see anonymous counts; editors without the permission do not; the
page is built in the admin and its logic survives translation."""

import copy

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from ipcheck.models import IPCheckPage
from tests.ipcheck.conftest import complete

pytestmark = pytest.mark.django_db
REPORT = "/admin/ipcheck/report/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.com", "pw-editor-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_report_shows_counts_to_staff_with_permission(client, check_page, superuser, editor):
    complete(Client(), check_page)
    complete(Client(), check_page, team=("solo",))
    client.force_login(editor)
    refused = client.get(REPORT)  # Wagtail's admin turns the 403 into a redirect home
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "ipcheck-report" not in client.get("/admin/").content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_ipcheck_report"))
    editor = type(editor).objects.get(pk=editor.pk)
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<strong data-completed>2</strong>" in body
    assert (
        'data-rule="register-mark"><td>Register your trade mark</td>'
        "<td>register-mark</td><td>2</td><td>100 %" in body
    )
    assert (
        'data-rule="solo-risk"><td>Nobody checks your contracts</td>'
        "<td>solo-risk</td><td>1</td><td>50 %" in body
    )
    assert 'data-tag="tm-unregistered"' in body

    client.force_login(superuser)
    assert client.get(REPORT).status_code == 200


def test_report_needs_a_login(client, check_page):
    response = client.get(REPORT)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_group_permission_is_enough(client, check_page, editor):
    group = Group.objects.create(name="Analysts")
    group.permissions.add(Permission.objects.get(codename="view_ipcheck_report"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(REPORT).status_code == 200


def test_rule_with_unknown_tag_is_refused(check_page):
    from django.core.exceptions import ValidationError

    value = list(check_page.rules.raw_data)
    value[0]["value"]["when"] = "no-such-tag"
    check_page.rules = value
    with pytest.raises(ValidationError) as error:
        check_page.full_clean()
    assert "no-such-tag" in str(error.value)


def test_question_blocks_validate_keys_and_conditions(check_page):
    from wagtail.blocks import StreamBlockValidationError

    block = IPCheckPage._meta.get_field("questions").stream_block
    data = copy.deepcopy(list(check_page.questions.raw_data))
    data[1]["value"]["key"] = "work"  # the same key twice
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python(data))
    data = copy.deepcopy(list(check_page.questions.raw_data))
    data[0]["value"]["show_if"] = "has-brand"  # a tag nobody gave before
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python(data))
    data = copy.deepcopy(list(check_page.questions.raw_data))
    data[0]["value"]["options"][0]["value"]["key"] = "Not A Key"
    with pytest.raises(Exception) as error:
        block.clean(block.to_python(data))
    assert "ValidationError" in type(error.value).__name__
    block.clean(block.to_python(list(check_page.questions.raw_data)))


def test_translation_keeps_keys_and_tags(
    check_page, guideline, home_all_locales, django_capture_on_commit_callbacks, client
):
    from core.translation import translate_object

    # Parent first, each in its own transaction.
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(guideline.get_parent().specific, "el", {"Guidelines": "Οδηγοί"})
    with django_capture_on_commit_callbacks(execute=True):
        greek_guideline = translate_object(guideline, "el", {"Protect your brand": "Προστασία"})
    with django_capture_on_commit_callbacks(execute=True):
        greek = translate_object(
            check_page,
            "el",
            {
                "What do you make?": "Τι φτιάχνετε;",
                "Designs": "Σχέδια",
                "Register your trade mark": "Καταχωρίστε το εμπορικό σας σήμα",
            },
        )
    greek = IPCheckPage.objects.get(pk=greek.pk)
    assert greek.url == "/el/ip-check/"
    first = greek.questions[0].value
    assert first["question"] == "Τι φτιάχνετε;"
    assert first["options"][0]["label"] == "Σχέδια"
    assert first["options"][0]["tags"] == "makes-designs"
    assert [q.key for q in greek.questionnaire.questions] == ["work", "brand", "registered", "team"]
    assert greek.questionnaire.questions[2].show_if == frozenset({"has-brand"})
    assert [r.when for r in greek.rule_list] == [r.when for r in check_page.rule_list]
    # The logic holds in Greek: the same answers fire the same rules.
    complete(client, greek)
    body = client.get("/el/ip-check/result/").content.decode()
    assert "Καταχωρίστε το εμπορικό σας σήμα" in body
    # The rule links the English guideline; the Greek result shows its translation.
    assert f'href="{greek_guideline.url}"' in body and ">Προστασία</a>" in body
    assert greek_guideline.url.startswith("/el/")


def test_ip_check_page_is_searchable_and_in_the_sitemap(client, check_page):
    response = client.get("/en/search/", {"q": "questionnaire creative business"})
    assert response.status_code == 200
    assert 'href="/en/ip-check/"' in response.content.decode()
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "/en/ip-check/" in body


def test_editors_build_the_check_in_the_admin(client, superuser, home, check_page):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{check_page.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Show only when" in body and "When all of these tags" in body
    assert "Official help desks" in body
    home.get_children().filter(pk=check_page.pk).delete()
    response = client.get(f"/admin/pages/add/ipcheck/ipcheckpage/{home.pk}/")
    assert response.status_code == 200
