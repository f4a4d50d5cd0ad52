"""Fixtures for the consultation tests: guidelines with consultations, a
helper that submits and confirms a response through HTTP, and users."""

import contextlib
import datetime
import itertools
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone
from redis.exceptions import RedisError

from consultation.models import Consultation, ConsultationResponse
from core.demo_tools import ensure_page
from home.demo import ensure_home
from knowledgebase.models import GuidelineIndexPage, GuidelinePage
from partners.models import HubPage, PartnerIndexPage
from partners.sections import LEARNERS, MODERATORS, TRANSLATORS, section_for
from tests.partners.conftest import add_page, make_partner, new_user
from tests.shared_data import fresh

_numbers = itertools.count(1)
LINK = re.compile(r"https?://\S+/consultations/confirm/\S+/")


@pytest.fixture(autouse=True)
def generous_limit(settings):
    settings.CONSULTATION_RATE_LIMIT = 1000
    clear_limit(settings)
    yield
    clear_limit(settings)


def clear_limit(settings):
    """Forget the test client's count when it lives in Redis (the database
    one is rolled back with each test)."""
    if settings.REDIS_URL:
        from django_redis import get_redis_connection

        from core.ratelimit import _key

        # A test may have made Redis unreachable, or use no Redis cache.
        with contextlib.suppress(RedisError, NotImplementedError):
            get_redis_connection("default").delete(_key("consultation", "127.0.0.1"))


def make_guideline(parent, status="draft", title=None):
    number = next(_numbers)
    page = GuidelinePage(
        title=title or f"Guideline {number}",
        slug=f"guideline-{number}",
        summary="A guideline under consultation.",
        testing_status=status,
        steps=[
            ("step", {"title": "Map your assets", "text": "<p>List them.</p>", "checklist": []}),
            ("step", {"title": "Price your work", "text": "<p>Count.</p>", "checklist": []}),
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_consultation(page, *, opens=-5, closes=10, **fields):
    today = timezone.localdate()
    return Consultation.objects.create(
        page=page,
        locale=page.locale,
        title=fields.pop("title", f"Consultation on {page.title}"),
        opens_on=today + datetime.timedelta(days=opens),
        closes_on=today + datetime.timedelta(days=closes),
        questions=fields.pop(
            "questions",
            [("question", "Is the first step clear?"), ("question", "What is missing?")],
        ),
        **fields,
    )


@pytest.fixture
def guideline_index(home):
    return ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")


@pytest.fixture
def guideline(guideline_index):
    return make_guideline(guideline_index)


@pytest.fixture
def consultation(guideline):
    return make_consultation(guideline)


def response_data(consultation, **overrides):
    questions = consultation.question_list()
    data = {
        "response-section": "",
        "response-comment": "The budget step needs an example.",
        "response-name": "Rita Lopes",
        "response-email": "rita@example.org",
        "response-organisation_type": "small-business",
        "response-country": "PT",
        "response-sector": "design",
        "response-consent": "named",
        "response-privacy": "on",
        "response-website": "",
        f"response-q_{questions[0][0]}": "Yes, mostly.",
    }
    data.update(overrides)
    return data


def submit(client, consultation, language="en", **overrides):
    """POST a response; returns the HTTP response."""
    return client.post(
        f"/{language}/consultations/{consultation.pk}/respond/",
        response_data(consultation, **overrides),
    )


def confirmation_link(message) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(0)


def submit_and_confirm(client, consultation, **overrides) -> ConsultationResponse:
    before = len(mail.outbox)
    response = submit(client, consultation, **overrides)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(mail.outbox) == before + 1
    link = confirmation_link(mail.outbox[-1]).split("testserver", 1)[1]
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 200
    return ConsultationResponse.objects.order_by("-pk").first()


@pytest.fixture
def moderator(db):
    return new_user("moderator", Group.objects.get(name=MODERATORS))


@pytest.fixture
def translator(db):
    return new_user("translator", Group.objects.get(name=TRANSLATORS))


@pytest.fixture
def world(client, moderator, translator):
    return make_world(client, moderator, translator)


def make_world(client, moderator, translator) -> dict:
    """Guidelines under consultation in two hubs' sections and the network's
    own, a confirmed response to each, and one user per role."""
    home = ensure_home()
    guideline_index = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    lisbon = make_partner(directory, HubPage, "hub-lisbon", "Hub Lisbon", "PT", 38.7, -9.1)
    leipzig = make_partner(directory, HubPage, "hub-leipzig", "Hub Leipzig", "DE", 51.3, 12.4)
    consultations = {
        "lisbon": make_consultation(make_guideline(lisbon, title="Lisbon guide")),
        "leipzig": make_consultation(make_guideline(leipzig, title="Leipzig guide")),
        "network": make_consultation(make_guideline(guideline_index, title="Network guide")),
    }
    responses = {
        name: submit_and_confirm(client, c, **{"response-comment": f"About the {name} guide"})
        for name, c in consultations.items()
    }
    users = {
        "editor_lisbon": new_user("editor_lisbon", section_for(lisbon).group),
        "editor_leipzig": new_user("editor_leipzig", section_for(leipzig).group),
        "moderator": moderator,
        "admin": new_user("admin", superuser=True),
        "translator": translator,
        "learner": new_user("learner", Group.objects.get(name=LEARNERS)),
    }
    return {"consultations": consultations, "responses": responses, "users": users}


@pytest.fixture(scope="module")
def module_world(module_db):
    """``world`` built once for a module (tests/conftest.py, ``module_db``)."""
    with override_settings(CONSULTATION_RATE_LIMIT=1000):
        return make_world(
            Client(),
            new_user("moderator", Group.objects.get(name=MODERATORS)),
            new_user("translator", Group.objects.get(name=TRANSLATORS)),
        )


@pytest.fixture
def shared_world(module_world, db):
    """``world`` for a module that uses ``module_world``: fresh rows of it."""
    return fresh(module_world)


@pytest.fixture
def shared_moderator(shared_world):
    return shared_world["users"]["moderator"]
