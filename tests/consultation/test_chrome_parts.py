"""Which pages have a consultation, and the sectors the form offers, are
kept apart from the page chrome: a consultation saved or deleted, or a
sector saved, shows on the very next request; a publish elsewhere does not read
them again."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.chrome import bump_generation
from core.models import Sector

from .conftest import make_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def page_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def consultation_queries(client, page) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        page_html(client, page)
    return [q["sql"] for q in captured if "consultation_consultation" in q["sql"]]


def test_a_new_or_deleted_consultation_shows_at_once(client, guideline):
    assert "consultation-section" not in page_html(client, guideline)
    consultation = make_consultation(guideline, title="Tell us about kilns")
    assert "Tell us about kilns" in page_html(client, guideline)
    consultation.delete()
    assert "Tell us about kilns" not in page_html(client, guideline)


def test_a_publish_elsewhere_does_not_read_the_consultations_again(client, guideline):
    page_html(client, guideline)  # kept
    keys = [sql for sql in consultation_queries(client, guideline) if "DISTINCT" in sql]
    assert keys == []
    bump_generation()  # what any publish does
    keys = [sql for sql in consultation_queries(client, guideline) if "DISTINCT" in sql]
    assert keys == []
    make_consultation(guideline)
    keys = [sql for sql in consultation_queries(client, guideline) if "DISTINCT" in sql]
    assert len(keys) == 1


def test_a_new_sector_joins_the_forms_choices_at_once(client, guideline):
    make_consultation(guideline)
    html = page_html(client, guideline)
    assert "Puppetry and object theatre" not in html
    sector = Sector.objects.create(
        name="Puppetry and object theatre", slug="puppetry", locale=guideline.locale
    )
    assert "Puppetry and object theatre" in page_html(client, guideline)
    # Renamed, not deleted: tests/i18n leaves probe models that refer to
    # sectors in the app registry, without tables, for a delete to collect.
    sector.name = "Puppetry and shadow play"
    sector.save()
    html = page_html(client, guideline)
    assert "Puppetry and shadow play" in html and "object theatre" not in html
