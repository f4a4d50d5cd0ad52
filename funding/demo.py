"""Demo step: the funding finder and its opportunities in seven languages.

Reads ``demo/content/funding_index.yaml`` and ``funding_opportunities.yaml``. Every
deadline is an example, counted in days from the day the demo is loaded
(so the finder always has open, closing-soon and closed calls), and the
pages say the dates are examples. An opportunity with a ``partner`` sits in
that partner's section when the partner exists in every language.
Idempotent: pages are found by slug and published only when changed."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from core.demo_content import read
from core.demo_tools import ensure_page
from core.languages import CODES
from core.models import Sector
from funding.models import FundingIndexPage, FundingOpportunityPage, FundingRelatedPage
from home.models import HomePage
from knowledgebase.models import GuidelinePage
from partners.models import PartnerPage

LANGS = CODES


def partner_sections() -> dict:
    """English partner pages that exist in every language, by slug."""
    found = {}
    for page in PartnerPage.objects.filter(locale__language_code="en"):
        languages = set(
            PartnerPage.objects.filter(translation_key=page.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        if languages >= set(LANGS):
            found[page.slug] = page.specific
    return found


def related_pages() -> list:
    """Two English finance guidelines."""
    return list(
        GuidelinePage.objects.live()
        .filter(locale__language_code="en", themes__slug="finance")
        .order_by("pk")[:2]
    )


def opportunity_fields(entry, today) -> dict:
    return {
        "title": entry["title"],
        "summary": entry["summary"],
        "funder": entry["funder"],
        "programme": entry.get("programme", ""),
        "instrument": entry["instrument"],
        "applicant_types": entry.get("applicants", []),
        "stages": entry.get("stages", []),
        "purposes": entry.get("purposes", []),
        "amount_min": entry.get("min"),
        "amount_max": entry.get("max"),
        "co_financing_rate": entry.get("rate"),
        "eu_wide": entry.get("eu_wide", False),
        "countries": entry.get("countries", []),
        "regions": entry.get("regions", ""),
        "deadlines": [
            ("deadline", {"date": today + datetime.timedelta(days=days), "label": label})
            for days, label in entry.get("deadlines", [])
        ],
        "rolling": entry.get("rolling", False),
        "dates_are_examples": True,
        "how_to_apply": f"<p>{entry['how_to_apply']}</p>",
        "official_url": entry["url"],
        "show_in_menus": False,
    }


def load(context):
    texts = read("funding_index")
    entries = read("funding_opportunities")
    today = timezone.localdate()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english, depth=2)
    finder = ensure_page(
        home,
        FundingIndexPage,
        "funding",
        title=texts["title"],
        summary=texts["summary"],
        intro=f"<p>{texts['intro']}</p>",
        show_in_menus=True,
    )
    sections = partner_sections()
    related = related_pages()
    pages = []
    for entry in entries:
        parent = sections.get(entry.get("partner"), finder)
        sectors = list(Sector.objects.filter(locale=english, slug__in=entry.get("sectors", [])))
        page = ensure_page(
            parent,
            FundingOpportunityPage,
            entry["slug"],
            **opportunity_fields(entry, today),
            sectors=sectors,
            related_links=[FundingRelatedPage(page=p) for p in related],
        )
        pages.append(page)
    context.step(f"funding finder with {len(pages)} opportunities (dates are examples)")

    context.translate(finder)
    for page in pages:
        context.translate(page)
