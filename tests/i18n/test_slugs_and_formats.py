"""Translated slugs, redirects after a slug change, and locale formats."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django_countries.fields import Country
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

pytestmark = pytest.mark.django_db

SLUGS = {
    "policy-papers": {"de": "politikpapiere"},
    "micro-grants": {"de": "kleinstfoerderung"},
}


@pytest.fixture
def german_slugs(section, translate):
    """Re-translate the section with German slugs."""
    from tests.i18n.conftest import SECTION_TEXT

    table = {**SECTION_TEXT, **SLUGS}
    translate(section["en"]["index"], "de", table)
    return translate(section["en"]["paper"], "de", table)


def test_translated_slug_serves_at_the_translated_url(client, german_slugs):
    assert german_slugs.slug == "kleinstfoerderung"
    response = client.get("/de/politikpapiere/kleinstfoerderung/")
    assert response.status_code == 200
    assert "Kleinstförderung für Hubs" in response.content.decode()
    # The switcher on the English page links the German URL.
    html = client.get("/en/policy-papers/micro-grants/").content.decode()
    assert 'href="/de/politikpapiere/kleinstfoerderung/" lang="de"' in html


def test_old_url_redirects_after_a_slug_change(client, german_slugs, settings):
    assert getattr(settings, "WAGTAILREDIRECTS_AUTO_CREATE", True) is True
    page = Page.objects.get(pk=german_slugs.pk).specific
    page.slug = "mikrozuschuesse"
    page.save_revision().publish()
    assert Redirect.objects.filter(redirect_page=page).exists()
    response = client.get("/de/politikpapiere/kleinstfoerderung/")
    assert response.status_code == 301
    assert response["Location"].endswith("/de/politikpapiere/mikrozuschuesse/")
    assert client.get(response["Location"]).status_code == 200


def _render(source, code, **context):
    with translation.override(code):
        return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("code", "date", "long_date", "country", "number"),
    [
        ("en", "5 March 2026", "5 March 2026", "France", "1,234.5"),
        ("de", "5. März 2026", "5 März 2026", "Frankreich", "1.234,5"),
        ("el", "5 Μαρτίου 2026", "5 Μαρτίου 2026", "Γαλλία", "1.234,5"),
    ],
)
def test_dates_numbers_and_countries_follow_the_locale(code, date, long_date, country, number):
    context = {"day": datetime.date(2026, 3, 5), "country": Country("FR"), "value": 1234.5}
    assert _render('{{ day|date:"DATE_FORMAT" }}', code, **context) == date
    # "E": the month name as used in a date (the genitive in Greek).
    assert _render('{{ day|date:"j E Y" }}', code, **context) == long_date
    assert _render("{{ country.name }}", code, **context) == country
    assert _render('{{ value|floatformat:"1g" }}', code, **context) == number
