"""The partner contact form's limit and failures (partners/contact.py,
core/ratelimit.py) and the admin's read-only list of messages
(partners/contact_admin.py), through the real page URL and admin views.

The concurrency tests post from 20 threads at once, so their data must be
committed: they are transactional, and Django empties every table after
each. ``restore_migrated_rows`` puts the migrated rows back afterwards so a
later ``--reuse-db`` run still finds its root page, locales and groups (if a
run is killed during them, use ``--create-db`` once)."""

import threading

import pytest
import redis
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connections
from django.test import Client

from core.models import RateLimitCounter
from partners.models import ContactMessage, HubPage, PartnerIndexPage
from partners.sections import MODERATORS, TRANSLATORS, section_for
from tests.partners.conftest import add_page, make_partner

DATA = {"name": "Ana", "email": "ana@example.com", "message": "Hello, twin?", "homepage": ""}
THREADS = 20
UNREACHABLE = "redis://127.0.0.1:1/0"


def use_redis(settings, url):
    """Redis for the cache and the limits, as base.py configures it."""
    settings.REDIS_URL = url
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }


@pytest.fixture
def redis_db(settings, worker_id):
    """A Redis database of our own (7, or one per xdist worker), emptied
    before and after."""
    number = 7 if worker_id == "master" else 7 + int(worker_id.removeprefix("gw"))
    url = f"redis://127.0.0.1:6379/{number}"
    server = redis.Redis.from_url(url)
    server.flushdb()
    use_redis(settings, url)
    yield server
    server.flushdb()


@pytest.fixture
def hubs(home):
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    return {
        "lisbon": make_partner(directory, HubPage, "hub-lisbon", "Hub Lisbon", "PT", 38.7, -9.1),
        "leipzig": make_partner(directory, HubPage, "hub-leipzig", "Hub Leipzig", "DE", 51.3, 12.4),
    }


def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1
    settings.EMAIL_TIMEOUT = 5


# One at a time -------------------------------------------------------------


@pytest.mark.django_db
def test_message_is_stored_and_sent(client, hubs):
    response = client.post(hubs["lisbon"].url, DATA)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    stored = ContactMessage.objects.get()
    assert (stored.partner_id, stored.status, stored.error) == (hubs["lisbon"].pk, "sent", "")
    assert (stored.name, stored.email, stored.message) == ("Ana", "ana@example.com", "Hello, twin?")


@pytest.mark.django_db
def test_failed_send_answers_503_keeps_the_message_and_the_slot(client, hubs, settings):
    smtp_down(settings)
    response = client.post(hubs["lisbon"].url, DATA)
    assert response.status_code == 503
    assert "could not be e-mailed just now. It has been kept" in response.content.decode()
    stored = ContactMessage.objects.get()
    assert stored.status == "failed"
    assert "ConnectionRefusedError" in stored.error
    assert stored.message == "Hello, twin?"
    # The failed send did not use up one of the visitor's messages.
    assert RateLimitCounter.objects.get().count == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    limit = settings.CONTACT_RATE_LIMIT
    statuses = [client.post(hubs["lisbon"].url, DATA).status_code for _ in range(limit + 1)]
    assert statuses == [302] * limit + [429]
    assert len(mail.outbox) == limit


@pytest.mark.django_db
def test_failed_send_with_redis_gives_the_slot_back(client, hubs, settings, redis_db):
    smtp_down(settings)
    assert client.post(hubs["lisbon"].url, DATA).status_code == 503
    assert ContactMessage.objects.get().status == "failed"
    (key,) = redis_db.keys("ratelimit:contact:*")
    assert redis_db.get(key) == b"0"


@pytest.mark.django_db
def test_redis_down_refuses_instead_of_allowing_everything(client, hubs, settings):
    use_redis(settings, UNREACHABLE)
    for _ in range(settings.CONTACT_RATE_LIMIT + 2):
        response = client.post(hubs["lisbon"].url, DATA)
        assert response.status_code == 503
    assert "The contact form is not available just now" in response.content.decode()
    assert mail.outbox == []
    assert not ContactMessage.objects.exists()


@pytest.mark.django_db
def test_limit_is_per_visitor_behind_the_proxy(client, hubs, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    url, limit = hubs["lisbon"].url, settings.CONTACT_RATE_LIMIT
    first = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert [client.post(url, DATA, **first).status_code for _ in range(limit + 1)] == [
        302
    ] * limit + [429]
    # A second visitor through the same proxy has a limit of their own.
    assert client.post(url, DATA, HTTP_X_FORWARDED_FOR="198.51.100.5").status_code == 302


# Twenty at once -------------------------------------------------------------


def post_at_once(url, count=THREADS):
    """POST the form from ``count`` threads released together; their statuses."""
    barrier = threading.Barrier(count)
    statuses, lock = [], threading.Lock()

    def visitor():
        try:
            client = Client()
            barrier.wait()
            status = client.post(url, DATA).status_code
            with lock:
                statuses.append(status)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visitor) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == count, "a request raised"
    return sorted(statuses)


def assert_limit_held(statuses, limit):
    assert statuses == [302] * limit + [429] * (THREADS - limit)
    assert len(mail.outbox) == limit
    assert ContactMessage.objects.filter(status="sent").count() == limit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_posts_with_redis_stop_at_the_limit(
    restore_migrated_rows, hubs, settings, redis_db
):
    assert_limit_held(post_at_once(hubs["lisbon"].url), settings.CONTACT_RATE_LIMIT)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_posts_with_the_database_stop_at_the_limit(
    restore_migrated_rows, hubs, settings
):
    assert not settings.REDIS_URL
    assert_limit_held(post_at_once(hubs["lisbon"].url), settings.CONTACT_RATE_LIMIT)
    assert RateLimitCounter.objects.get().count == settings.CONTACT_RATE_LIMIT


# The admin's list ------------------------------------------------------------

INDEX = "/admin/contact_messages/"


@pytest.fixture
def stored(hubs):
    def message(partner, name, text):
        return ContactMessage.objects.create(
            partner=partner, name=name, email="v@example.org", message=text, status="failed"
        )

    return {
        "lisbon": message(hubs["lisbon"], "Ana Lisboa", "A question for Lisbon"),
        "leipzig": message(hubs["leipzig"], "Lena Leipzig", "A question for Leipzig"),
    }


@pytest.fixture
def user_in(django_user_model):
    def make(username, group=None, **extra):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw", **extra
        )
        if group is not None:
            user.groups.add(group)
        return user

    return make


def inspect_url(message):
    return f"{INDEX}inspect/{message.pk}/"


@pytest.mark.django_db
def test_moderators_and_admins_see_every_message(client, stored, user_in):
    moderator = user_in("moderator", Group.objects.get(name=MODERATORS))
    admin = user_in("root", is_superuser=True, is_staff=True)
    for user in (moderator, admin):
        client.force_login(user)
        index = client.get(INDEX)
        assert index.status_code == 200
        assert "Ana Lisboa" in index.content.decode() and "Lena Leipzig" in index.content.decode()
        for message in stored.values():
            page = client.get(inspect_url(message))
            assert page.status_code == 200
            assert message.message in page.content.decode()


@pytest.mark.django_db
def test_partner_editors_see_only_their_own_partners_messages(client, hubs, stored, user_in):
    editor = user_in("editor", section_for(hubs["lisbon"]).group)
    client.force_login(editor)
    assert INDEX in client.get("/admin/").content.decode()  # the menu item
    html = client.get(INDEX).content.decode()
    assert "Ana Lisboa" in html
    assert "Lena Leipzig" not in html
    assert "A question for Lisbon" in client.get(inspect_url(stored["lisbon"])).content.decode()
    assert client.get(inspect_url(stored["leipzig"])).status_code == 404


@pytest.mark.django_db
def test_other_roles_see_no_messages(client, stored, user_in):
    translator = user_in("translator", Group.objects.get(name=TRANSLATORS))
    client.force_login(translator)
    assert INDEX not in client.get("/admin/").content.decode()
    # Wagtail's "no permission" redirect; a message the user may not see is not there.
    assert client.get(INDEX).status_code == 302
    assert client.get(inspect_url(stored["lisbon"])).status_code == 404
    client.force_login(user_in("learner"))
    for url in (INDEX, inspect_url(stored["lisbon"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_nobody_can_change_messages_in_the_admin(client, stored, user_in):
    client.force_login(user_in("root", is_superuser=True, is_staff=True))
    message = stored["lisbon"]
    for url in (f"{INDEX}new/", f"{INDEX}edit/{message.pk}/", f"{INDEX}delete/{message.pk}/"):
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "changed"}).status_code == 404
    message.refresh_from_db()
    assert message.name == "Ana Lisboa"
    assert f"{INDEX}edit/" not in client.get(inspect_url(message)).content.decode()
