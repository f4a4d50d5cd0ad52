import json

import pytest
from django.contrib.auth.models import Permission

from learning.models import ModuleCompletion

from .conftest import make_module, make_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def path(index):
    modules = [make_module(index, f"step-{i}", minutes=m) for i, m in enumerate([30, 60, 90])]
    return make_path(index, "three-steps", modules)


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user("learner", password="a-long-passphrase-1")


def test_signup_creates_a_plain_learner_and_signs_in(client, index, django_user_model):
    response = client.post(
        "/en/accounts/signup/",
        {
            "username": "newlearner",
            "password1": "a-long-passphrase-1",
            "password2": "a-long-passphrase-1",
            "next": "/en/learning/",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/en/learning/"
    user = django_user_model.objects.get(username="newlearner")
    assert not user.is_staff and not user.is_superuser
    assert not user.user_permissions.exists()
    assert "Signed in as newlearner" in client.get("/en/learning/").content.decode()


def test_signup_form_errors_are_400(client, index):
    response = client.post(
        "/en/accounts/signup/", {"username": "x", "password1": "a", "password2": "b"}
    )
    assert response.status_code == 400


def test_sign_in_and_out(client, index, learner):
    response = client.post(
        "/en/accounts/login/", {"username": "learner", "password": "a-long-passphrase-1"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/learning/"
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "Sign in" in client.get("/en/learning/").content.decode()


def test_progress_on_the_server_shows_on_the_path(client, path, learner):
    client.force_login(learner)
    first, second, _third = path.modules
    response = client.post(
        "/en/accounts/progress/", {"module": str(first.translation_key), "next": path.url}
    )
    assert response.status_code == 302 and response["Location"] == path.url
    client.post("/en/accounts/progress/", {"module": str(second.translation_key)})
    html = client.get(path.url).content.decode()
    assert (
        "2 of 3 modules, about 1 h 30 min left" in html or "2 of 3 modules, about 2 h left" in html
    )
    assert ModuleCompletion.objects.filter(user=learner).count() == 2
    # Undo.
    client.post("/en/accounts/progress/", {"module": str(second.translation_key), "done": "0"})
    assert "1 of 3 modules, about 3 h left" in client.get(path.url).content.decode()
    # Marking twice adds nothing.
    client.post("/en/accounts/progress/", {"module": str(first.translation_key)})
    assert ModuleCompletion.objects.filter(user=learner).count() == 1


def test_progress_input_is_checked(client, path, learner):
    assert client.post("/en/accounts/progress/", {"module": "not-a-key"}).status_code == 400
    # Anonymous: the form sends them to sign in; the script keeps it locally.
    response = client.post(
        "/en/accounts/progress/", {"module": str(path.modules[0].translation_key)}
    )
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]
    client.force_login(learner)
    unknown = "00000000-0000-4000-8000-000000000000"
    assert client.post("/en/accounts/progress/", {"module": unknown}).status_code == 404
    assert client.get("/en/accounts/progress/").status_code == 405
    assert not ModuleCompletion.objects.exists()


def _merge(client, payload):
    return client.post(
        "/en/accounts/progress/merge/",
        data=json.dumps(payload),
        content_type="application/json",
    )


def test_browser_progress_merges_into_the_account(client, path, learner):
    first, second, third = path.modules
    ModuleCompletion.objects.create(user=learner, module_key=first.translation_key)
    client.force_login(learner)
    local = [
        str(first.translation_key),
        str(third.translation_key),
        "0f0f0f0f-0000-4000-8000-000000000000",
    ]
    response = _merge(client, {"completed": local})
    assert response.status_code == 200
    data = response.json()
    assert set(data["completed"]) == {str(first.translation_key), str(third.translation_key)}
    assert data["added"] == 1  # the unknown key is ignored, the known one not doubled
    assert ModuleCompletion.objects.filter(user=learner).count() == 2
    assert _merge(client, {"completed": local}).json()["added"] == 0
    assert "2 of 3 modules" in client.get(path.url).content.decode()


@pytest.mark.parametrize(
    "payload",
    [{"completed": "abc"}, {"completed": ["nope"]}, {"completed": [1, 2]}, {"other": []}, ["x"]],
)
def test_merge_rejects_malformed_payloads(client, path, learner, payload):
    client.force_login(learner)
    assert _merge(client, payload).status_code == 400
    assert not ModuleCompletion.objects.exists()


def test_merge_needs_a_signed_in_learner(client, path):
    response = _merge(client, {"completed": [str(path.modules[0].translation_key)]})
    assert response.status_code == 403
    assert not ModuleCompletion.objects.exists()


def test_merge_limits_the_list(client, path, learner):
    client.force_login(learner)
    keys = [str(path.modules[0].translation_key)] * 501
    assert _merge(client, {"completed": keys}).status_code == 400


def test_educators_see_counts_never_names(client, path, django_user_model):
    first, second, third = path.modules
    names = []
    for i, done in enumerate([[first], [first, second, third], []]):
        user = django_user_model.objects.create_user(f"hidden-learner-{i}", password="x")
        names.append(user.username)
        for module in done:
            ModuleCompletion.objects.create(user=user, module_key=module.translation_key)
    educator = django_user_model.objects.create_user("educator", password="x", is_staff=True)
    educator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(educator)
    # Without the permission Wagtail refuses (a redirect to the dashboard).
    refused = client.get("/admin/learning/progress/")
    assert refused.status_code in (302, 403)
    assert "Three steps" not in refused.content.decode()
    educator.user_permissions.add(Permission.objects.get(codename="view_progress_report"))
    response = client.get("/admin/learning/progress/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Three steps" in html
    assert "<td data-started>2</td>" in html and "<td data-completed>1</td>" in html
    assert not any(name in html for name in names)
