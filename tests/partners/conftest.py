"""Fixtures for the partners tests: a directory, partners with known terms,
exchanges, and one user per role."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from core.demo_tools import ensure_page
from core.models import Sector, Theme
from partners.models import (
    EducationPartnerPage,
    ExchangeIndexPage,
    ExchangePage,
    HubPage,
    PartnerIndexPage,
    Service,
)
from partners.sections import LEARNERS, MODERATORS, TRANSLATORS, section_for

PASSWORD = "a-long-test-password-42"


def add_page(parent, model, publish=True, **fields):
    """A child page, made by the demo's page builder; with ``publish=False``
    a draft that was never live, as the admin makes it."""
    return ensure_page(parent, model, fields.pop("slug", None), publish=publish, **fields)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def services(english):
    return make_services()


def make_services() -> dict:
    english = Locale.objects.get(language_code="en")
    names = {
        "prototyping-lab": "Prototyping lab",
        "coworking": "Co-working space",
        "mentoring": "Mentoring",
        "recording-studio": "Recording studio",
    }
    return {
        slug: Service.objects.get_or_create(slug=slug, locale=english, defaults={"name": name})[0]
        for slug, name in names.items()
    }


def terms(model, *slugs):
    return list(model.objects.filter(locale__language_code="en", slug__in=slugs))


@pytest.fixture
def directory(home):
    return add_page(home, PartnerIndexPage, title="Partners", slug="partners")


@pytest.fixture
def exchange_index(home):
    return add_page(home, ExchangeIndexPage, title="Exchanges", slug="exchanges")


def make_partner(
    directory,
    model,
    slug,
    title,
    country,
    lat,
    lon,
    *,
    sectors=(),
    themes=(),
    services=(),
    publish=True,
    **extra,
):
    return add_page(
        directory,
        model,
        publish=publish,
        title=title,
        slug=slug,
        country=country,
        city=extra.pop("city", "Somewhere"),
        latitude=Decimal(str(lat)),
        longitude=Decimal(str(lon)),
        sectors=terms(Sector, *sectors),
        themes=terms(Theme, *themes),
        services=list(services),
        contact_email=extra.pop("contact_email", f"{slug}@example.org"),
        **extra,
    )


@pytest.fixture
def partners(directory, services):
    """Four partners with known terms, for filters and twin suggestions."""
    return make_partners(directory, services)


def make_partners(directory, services) -> dict:
    lisbon = make_partner(
        directory,
        HubPage,
        "hub-lisbon",
        "Hub Lisbon",
        "PT",
        38.72,
        -9.14,
        sectors=("design", "crafts"),
        themes=("finance",),
        services=[services["coworking"]],
    )
    leipzig = make_partner(
        directory,
        HubPage,
        "hub-leipzig",
        "Hub Leipzig",
        "DE",
        51.34,
        12.37,
        sectors=("design", "crafts", "music"),
        themes=("finance",),
        services=[services["prototyping-lab"], services["coworking"]],
    )
    porto = make_partner(
        directory,
        HubPage,
        "hub-porto",
        "Hub Porto",
        "PT",
        41.15,
        -8.61,
        sectors=("design", "crafts"),
        themes=("finance",),
        services=[services["prototyping-lab"]],
    )
    graz = make_partner(
        directory,
        EducationPartnerPage,
        "uni-graz",
        "Uni Graz",
        "AT",
        47.07,
        15.44,
        sectors=("music",),
        themes=("learning-innovation",),
        services=[services["recording-studio"]],
        institution_type="university",
    )
    return {"lisbon": lisbon, "leipzig": leipzig, "porto": porto, "graz": graz}


@pytest.fixture
def exchanges(exchange_index, partners):
    first = add_page(
        exchange_index,
        ExchangePage,
        title="Lisbon meets Leipzig",
        slug="lisbon-leipzig",
        programme_round="TWIN Hubs 2022/23",
        date=datetime.date(2022, 10, 3),
        format="onsite",
        partners=[partners["lisbon"], partners["leipzig"]],
    )
    second = add_page(
        exchange_index,
        ExchangePage,
        title="Porto and Graz",
        slug="porto-graz",
        programme_round="TWIN Hubs 2023/24",
        date=datetime.date(2023, 11, 6),
        format="online",
        partners=[partners["porto"], partners["graz"]],
    )
    return {"first": first, "second": second}


def new_user(username, *groups, superuser=False):
    model = get_user_model()
    if superuser:
        return model.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def make_user(db):
    return new_user


@pytest.fixture
def users(partners):
    """One user per role; the two editors belong to Lisbon and Leipzig."""
    return make_users(partners)


def make_users(partners) -> dict:
    return {
        "anonymous": None,
        "learner": new_user("learner", Group.objects.get(name=LEARNERS)),
        "editor_lisbon": new_user("editor_lisbon", section_for(partners["lisbon"]).group),
        "editor_leipzig": new_user("editor_leipzig", section_for(partners["leipzig"]).group),
        "translator": new_user("translator", Group.objects.get(name=TRANSLATORS)),
        "moderator": new_user("moderator", Group.objects.get(name=MODERATORS)),
        "admin": new_user("admin", superuser=True),
    }


@pytest.fixture(autouse=True)
def fallback_templates(settings):
    """Stand-in templates for knowledge-base pages (after the real ones, so
    the knowledge base's own templates win once they exist)."""
    from pathlib import Path

    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {**engine, "DIRS": [*engine["DIRS"], Path(__file__).parent / "templates"]},
        *settings.TEMPLATES[1:],
    ]
