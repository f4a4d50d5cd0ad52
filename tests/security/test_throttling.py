"""Password guessing and mass sign-up: django-axes on the admin and learner
logins, the sign-up limit (core.ratelimit), the client address behind
proxies (core.clientip), and what a self-registered learner may see behind
"logged-in users only" restrictions (core.restrictions). Everything goes
through the real views over the test client."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from core.clientip import client_ip
from core.models import SiteDocument
from partners.models import HubPage, PartnerIndexPage
from partners.sections import MODERATORS, section_for
from tests.partners.conftest import add_page, make_partner

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
LEARNER_LOGIN = "/en/accounts/login/"
PRIVATE_PAGE_LOGIN = "/en/_util/login/"  # Wagtail's form for "logged-in users" pages
SIGNUP = "/en/accounts/signup/"
PASSWORD = "a-long-test-password-42"


def login(client, url, username, password, **headers):
    return client.post(url, {"username": username, "password": password}, **headers)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user("learner", "l@example.org", PASSWORD)


# Client address ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.1"),  # no proxy: the header is anyone's
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # the left part is the client's own
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        (2, "198.51.100.1", "10.0.0.1"),  # shorter than the proxy chain
        (1, "", "10.0.0.1"),
        (1, "not-an-address", "10.0.0.1"),
        (1, "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


# Login throttling ---------------------------------------------------------------


@pytest.mark.parametrize("url", [ADMIN_LOGIN, LEARNER_LOGIN, PRIVATE_PAGE_LOGIN])
def test_right_password_after_too_many_wrong_ones_is_refused(
    client, settings, home, superuser, url
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = login(client, url, "admin", "wrong-guess")
        assert not signed_in(client)
    response = login(client, url, "admin", "correct-horse-battery")
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert not signed_in(client)
    # The lock covers both logins and every account from that address.
    other_url = LEARNER_LOGIN if url == ADMIN_LOGIN else ADMIN_LOGIN
    assert login(client, other_url, "admin", "correct-horse-battery").status_code == 429
    assert not signed_in(client)


def test_fewer_failures_than_the_limit_do_not_lock(client, settings, home, learner):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, LEARNER_LOGIN, "learner", "wrong-guess").status_code == 200
    assert login(client, LEARNER_LOGIN, "learner", PASSWORD).status_code == 302
    assert signed_in(client)


def test_lock_follows_the_address_the_proxy_reports(settings, home, superuser):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(attacker, ADMIN_LOGIN, "admin", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7")
    # Writing another address in front of the proxy's does not help.
    spoofed = "198.51.100.9, 203.0.113.7"
    response = login(
        attacker, ADMIN_LOGIN, "admin", "correct-horse-battery", HTTP_X_FORWARDED_FOR=spoofed
    )
    assert response.status_code == 429
    assert not signed_in(attacker)
    # Another visitor behind the same proxy (same REMOTE_ADDR) is not locked out.
    colleague = Client()
    response = login(
        colleague,
        ADMIN_LOGIN,
        "admin",
        "correct-horse-battery",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert response.status_code == 302
    assert signed_in(colleague)


# Sign-up limit ------------------------------------------------------------------


def signup(client, username, **headers):
    data = {"username": username, "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(SIGNUP, data, **headers)
    client.logout()
    return response


def test_signups_per_client_are_limited(client, settings, home, django_user_model):
    settings.TRUSTED_PROXY_COUNT = 1
    here = {"HTTP_X_FORWARDED_FOR": "203.0.113.20"}
    # Refused forms do not count.
    for _ in range(3):
        bad = {"username": "x", "password1": PASSWORD, "password2": "other"}
        assert client.post(SIGNUP, bad, **here).status_code == 400
    limit = settings.SIGNUP_RATE_LIMIT
    statuses = [signup(client, f"bulk{n}", **here).status_code for n in range(limit + 3)]
    assert statuses == [302] * limit + [429] * 3
    assert django_user_model.objects.filter(username__startswith="bulk").count() == limit
    response = signup(client, "one-more", **here)
    assert "Too many new accounts" in response.content.decode()
    # Someone else (another address behind the same proxy) still can.
    assert signup(client, "neighbour", HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 302
    assert django_user_model.objects.filter(username="neighbour").exists()


def test_signup_is_refused_when_the_limit_store_is_down(client, settings, home, django_user_model):
    unreachable = "redis://127.0.0.1:1/0"
    settings.REDIS_URL = unreachable
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": unreachable,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    response = signup(client, "while-down")
    assert response.status_code == 503
    assert "Sign-up is not available just now" in response.content.decode()
    assert not django_user_model.objects.filter(username="while-down").exists()


# "Logged-in users only" -------------------------------------------------------


@pytest.fixture
def private(home, django_user_model):
    """A partner page and a document collection both restricted to
    "logged-in users", and the partner's editor."""
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    hub = make_partner(directory, HubPage, "members-hub", "Members Hub", "BE", 50.8, 4.3)
    PageViewRestriction.objects.create(page=hub, restriction_type=PageViewRestriction.LOGIN)
    section = section_for(hub)
    CollectionViewRestriction.objects.create(
        collection=section.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = SiteDocument.objects.create(
        title="Members note",
        file=ContentFile(b"For members.", name="members-note.txt"),
        collection=section.collection,
    )
    editor = django_user_model.objects.create_user("editor", "e@example.org", PASSWORD)
    editor.groups.add(section.group)
    return {"hub": hub, "document": document, "editor": editor, "directory": directory}


def test_self_registered_learner_is_refused_login_only_content(client, private):
    assert signup(client, "newcomer").status_code == 302
    assert login(client, LEARNER_LOGIN, "newcomer", PASSWORD).status_code == 302
    page = client.get(private["hub"].url)
    assert page.status_code == 403
    html = page.content.decode()
    assert "For network members only" in html
    assert "Members Hub" not in html
    assert client.get(private["document"].url).status_code == 403
    assert client.get(private["directory"].url + "export.csv").status_code == 200  # not restricted


def test_network_members_see_login_only_content(client, private, django_user_model):
    from django.contrib.auth.models import Group

    moderator = django_user_model.objects.create_user("moderator", "m@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    for user in (private["editor"], moderator):
        client.force_login(user)
        page = client.get(private["hub"].url)
        assert page.status_code == 200
        assert "Members Hub" in page.content.decode()
        document = client.get(private["document"].url)
        assert document.status_code == 200
        assert b"".join(document.streaming_content) == b"For members."


def test_anonymous_visitors_still_get_the_login_redirect(client, private):
    for url in (private["hub"].url, private["document"].url):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/?next=" in response["Location"]


def test_learner_cannot_export_a_login_only_directory(client, private):
    PageViewRestriction.objects.create(
        page=private["directory"], restriction_type=PageViewRestriction.LOGIN
    )
    url = private["directory"].url + "export.csv"
    # Served as the directory page is: Wagtail's hooks decide, not a copy.
    visitor = client.get(url)
    assert visitor.status_code == 302
    assert "/login/?next=" in visitor["Location"]
    signup(client, "newcomer")
    login(client, LEARNER_LOGIN, "newcomer", PASSWORD)
    assert client.get(url).status_code == 403
    client.force_login(private["editor"])
    assert client.get(url).status_code == 200
