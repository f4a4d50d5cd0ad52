"""A finder with five opportunities whose fit to known answers is known.

Dates are relative to today, so "closes in 12 days" stays true."""

import datetime

import pytest
from django.utils import timezone

from core.demo_tools import ensure_page
from core.models import Sector, Theme
from funding.models import FundingIndexPage, FundingOpportunityPage
from tests.partners.conftest import (  # noqa: F401 - the partners' fixtures, reused
    directory,
    english,
    make_user,
    partners,
    services,
    users,
)


def sectors(*slugs, locale="en"):
    return list(Sector.objects.filter(locale__language_code=locale, slug__in=slugs))


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def deadlines(*offsets, label=""):
    return [("deadline", {"date": days(n), "label": label}) for n in offsets]


def opportunity(parent, slug, **fields):
    defaults = {
        "title": slug.replace("-", " ").title(),
        "slug": slug,
        "funder": "European Commission",
        "instrument": "grant",
        "official_url": f"https://example.org/{slug}",
    }
    relations = {name: fields.pop(name) for name in ("sectors", "themes") if name in fields}
    page = FundingOpportunityPage(**{**defaults, **fields})
    for name, value in relations.items():
        setattr(page, name, value)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def finder(home):
    return ensure_page(home, FundingIndexPage, "funding", title="Funding")


@pytest.fixture
def opportunities(finder):
    """Five opportunities; their fit to SME + design + internationalisation
    + EUR 150,000 + Portugal is known (see test_ranking)."""
    return {
        # Every answer fits: SME, design, internationalisation, amount, PT.
        "best": opportunity(
            finder,
            "design-export-grant",
            title="Design export grant",
            applicant_types=["sme", "micro"],
            sectors=sectors("design"),
            purposes=["internationalisation", "project"],
            stages=["growth"],
            amount_min=10_000,
            amount_max=200_000,
            co_financing_rate=80,
            eu_wide=True,
            deadlines=deadlines(12),
            themes=list(Theme.objects.filter(locale__language_code="en", slug="finance")),
        ),
        # SME and amount fit, every sector, another purpose; rolling loan.
        "loan": opportunity(
            finder,
            "working-capital-loan",
            title="Working capital loan",
            instrument="loan",
            applicant_types=["sme", "freelancer"],
            purposes=["working-capital"],
            amount_min=25_000,
            amount_max=2_000_000,
            countries=["PT", "ES"],
            rolling=True,
        ),
        # Consortia only: left out for an SME.
        "consortium": opportunity(
            finder,
            "cooperation-projects",
            title="Cooperation projects",
            applicant_types=["consortium"],
            sectors=sectors("design", "music"),
            purposes=["project", "internationalisation"],
            amount_max=1_000_000,
            co_financing_rate=60,
            eu_wide=True,
            deadlines=deadlines(40),
        ),
        # Closed: its only deadline passed.
        "closed": opportunity(
            finder,
            "past-design-prize",
            title="Past design prize",
            instrument="prize",
            applicant_types=["sme", "freelancer"],
            sectors=sectors("design"),
            purposes=["internationalisation"],
            amount_max=20_000,
            eu_wide=True,
            deadlines=deadlines(-30),
        ),
        # Germany only: left out for someone in Portugal.
        "german": opportunity(
            finder,
            "german-voucher",
            title="German design voucher",
            instrument="voucher",
            applicant_types=["sme"],
            sectors=sectors("design"),
            purposes=["internationalisation"],
            amount_max=15_000,
            countries=["DE"],
            regions="Saxony",
            deadlines=deadlines(5),
        ),
    }


SME_DESIGN = {
    "who": "sme",
    "sector": "design",
    "purpose": "internationalisation",
    "amount": "150000",
    "country": "PT",
}
