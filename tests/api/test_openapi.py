"""The OpenAPI document at /api/v2/openapi.json: valid OpenAPI 3.1, and
true of the running site (schemathesis, in process over Django's WSGI app,
with content in every endpoint's database)."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from creativeflip.openapi import build_document
from home.demo import ensure_home
from tests.knowledgebase.conftest import make_document, make_indexes, make_paper
from tests.learning.conftest import import_esco_set, make_module

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Any value will do as long as cookie and header agree (Django's CSRF check).
CSRF_TOKEN = "openapitestcsrftoken0123456789ab"


def test_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"] == "3.1.0"
    validate(document)
    lang = document["paths"]["/{lang}/search/suggest/"]["get"]["parameters"][0]
    assert lang["schema"]["enum"] == ["en", "de", "fr", "it", "es", "pl", "el"]


@pytest.fixture
def keep_connection():
    """Django's handler closes the DB connection after each request, which
    would drop the test's transaction; the test client avoids it the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def module_content(module_db):
    """A paper with a PDF, a learning module, the ESCO fixture set, and a
    signed-in learner whose cookies the generated requests carry: built once
    for the module (tests/conftest.py, ``module_db``), since each operation
    is a test of its own."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from learning.models import LearningIndexPage

    home = ensure_home()
    make_paper(make_indexes(home)["papers"], "Funding creative hubs", document=make_document())
    import_esco_set()
    learning = LearningIndexPage(title="Learning", slug="learning")
    home.add_child(instance=learning)
    learning.save_revision().publish()
    make_module(learning, "finance-basics")
    learner = get_user_model().objects.create_user("learner", "l@example.com", "pw-not-used")
    client = Client()
    client.force_login(learner)
    session = client.cookies["sessionid"].value
    return {"Cookie": f"sessionid={session}; csrftoken={CSRF_TOKEN}", "X-CSRFToken": CSRF_TOKEN}


@pytest.fixture
def content(keep_connection, module_content, db):
    return module_content


# The same document the view serves (test above); schemathesis's lazy
# from_fixture() loader does not work with pytest 9.
schema = schemathesis.openapi.from_dict(build_document())
schema.app = get_wsgi_application()


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_site_answers_as_documented(case, content):
    case.call_and_validate(headers=content, checks=CHECKS)
