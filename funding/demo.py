"""Demo step: the funding finder and its opportunities in seven languages.

Reads ``demo_data/index.yaml`` and ``demo_data/opportunities.yaml``. Every
deadline is an example, counted in days from the day the demo is loaded
(so the finder always has open, closing-soon and closed calls), and the
pages say the dates are examples. An opportunity with a ``partner`` sits in
that partner's section when the partner exists in every language.
Idempotent: pages are found by slug and published only when changed."""

import datetime
from pathlib import Path

import yaml
from django.utils import timezone
from wagtail.models import Locale

from core.demo_tools import TARGET_LANGUAGES, content_of, publish_if_changed
from core.languages import CODES
from core.models import Sector
from funding.models import FundingIndexPage, FundingOpportunityPage, FundingRelatedPage
from home.models import HomePage
from knowledgebase.models import GuidelinePage
from partners.models import PartnerPage

DATA = Path(__file__).parent / "demo_data"
LANGS = CODES


def read(name: str):
    with open(DATA / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def by_language(values: list[str]) -> dict[str, str]:
    return {code: values[i] for i, code in enumerate(LANGS) if code != "en"}


def upsert(parent, model, slug, fields, relations=None):
    page = parent.get_children().filter(slug=slug).specific().first()
    relations = relations or {}
    if page is None:
        page = model(slug=slug, **fields)
        for name, value in relations.items():
            setattr(page, name, value)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page
    before = content_of(page)
    for name, value in {**fields, **relations}.items():
        setattr(page, name, value)
    publish_if_changed(page, before)
    # Read it back: an unchanged page keeps its stored StreamField block ids,
    # which name its translation segments (new ids would redo translations).
    return model.objects.get(pk=page.pk)


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
    title, summary, how = entry["text"]["en"]
    return {
        "title": title,
        "summary": summary,
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
        "how_to_apply": f"<p>{how}</p>",
        "official_url": entry["url"],
        "show_in_menus": False,
    }


def load(context):
    index_data = read("index.yaml")
    entries = read("opportunities.yaml")
    today = timezone.localdate()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english, depth=2)
    texts = index_data["index"]
    finder = upsert(
        home,
        FundingIndexPage,
        "funding",
        {
            "title": texts["title"][0],
            "summary": texts["summary"][0],
            "intro": f"<p>{texts['intro'][0]}</p>",
            "show_in_menus": True,
        },
    )
    sections = partner_sections()
    related = related_pages()
    pages = []
    for entry in entries:
        parent = sections.get(entry.get("partner"), finder)
        sectors = list(Sector.objects.filter(locale=english, slug__in=entry.get("sectors", [])))
        page = upsert(
            parent,
            FundingOpportunityPage,
            entry["slug"],
            opportunity_fields(entry, today),
            {"sectors": sectors},
        )
        wanted = [p.pk for p in related]
        if [link.page_id for link in page.related_links.all()] != wanted:
            before = content_of(page)
            page.related_links = [FundingRelatedPage(page=p) for p in related]
            publish_if_changed(page, before)
        pages.append(page)
    context.step(f"funding finder with {len(pages)} opportunities (dates are examples)")

    shared = {
        english_text: by_language(values) for english_text, values in index_data["shared"].items()
    }
    index_table = {values[0]: by_language(values) for values in texts.values()}
    context.translate(finder, index_table)
    for entry, page in zip(entries, pages, strict=True):
        table = dict(shared)
        for position, source in enumerate(entry["text"]["en"]):
            table[source] = {code: entry["text"][code][position] for code in TARGET_LANGUAGES}
        context.translate(page, table)
