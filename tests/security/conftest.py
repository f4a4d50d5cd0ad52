"""A site with a page of every type in every language, built with the other
test packages' factories, for the API sweep and the fuzz test."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from core.demo_tools import TARGET_LANGUAGES, ensure_page
from core.translation import translate_object
from knowledgebase.models import (
    CaseStoryIndexPage,
    GuidelineIndexPage,
    NewsIndexPage,
    PolicyPaperIndexPage,
)
from learning.models import LearningIndexPage, Skill
from partners.models import (
    EducationPartnerPage,
    ExchangeIndexPage,
    ExchangePage,
    HubPage,
    PartnerIndexPage,
    Service,
)
from tests.knowledgebase.conftest import (
    make_document,
    make_event,
    make_guideline,
    make_news,
    make_paper,
    make_story,
)
from tests.learning.conftest import FIXTURES as ESCO_FIXTURES
from tests.learning.conftest import make_module, make_path
from tests.partners.conftest import add_page, make_partner


def online_event(parent):
    """An event with no country: the API once answered it with a 500."""
    event = make_event(parent, online_url="https://example.org/live")
    event.country, event.city, event.event_format = "", "", "online"
    event.save_revision().publish()
    return event


def build_pages(home, english):
    """One or two live English pages of every type; returns them in tree
    order (parents first)."""
    papers = ensure_page(home, PolicyPaperIndexPage, "policy-papers", title="Policy papers")
    guidelines = ensure_page(home, GuidelineIndexPage, "guidelines", title="Guidelines")
    stories = ensure_page(home, CaseStoryIndexPage, "case-stories", title="Case stories")
    news = ensure_page(home, NewsIndexPage, "news", title="News")
    directory = add_page(home, PartnerIndexPage, title="Partners", slug="partners")
    exchange_index = add_page(home, ExchangeIndexPage, title="Exchanges", slug="exchanges")
    learning = add_page(home, LearningIndexPage, title="Learning", slug="learning")
    service = Service.objects.create(slug="coworking", locale=english, name="Co-working space")
    hub = make_partner(
        directory, HubPage, "hub-lisbon", "Hub Lisbon", "PT", 38.72, -9.14,
        sectors=("design",), themes=("finance",), services=[service],
    )  # fmt: skip
    school = make_partner(
        directory, EducationPartnerPage, "uni-graz", "Uni Graz", "", 47.07, 15.44,
        institution_type="university",
    )  # fmt: skip
    exchange = add_page(
        exchange_index, ExchangePage, title="Lisbon meets Graz", slug="lisbon-graz",
        programme_round="TWIN Hubs 2023/24", date=datetime.date(2023, 11, 6), format="online",
        partners=[hub, school],
    )  # fmt: skip
    skills = list(Skill.objects.order_by("pk")[:3])
    module = make_module(learning, "first-module", skills=skills)
    path = make_path(learning, "design-path", [module])
    knowledge = [
        make_paper(papers, countries=["PT", "DE"], document=make_document("Paper"),
                   themes=["finance"]),
        make_paper(papers),  # no countries
        make_guideline(guidelines, countries=["IT"], document=make_document("Guide")),
        make_guideline(guidelines),
        make_story(stories, themes=["finance"], sectors=["design"]),
        make_story(stories, country=""),
        make_news(news, countries=["PL"]),
        make_event(news),
        online_event(news),
    ]  # fmt: skip
    indexes = [papers, guidelines, stories, news, directory, exchange_index, learning]
    return [*indexes, hub, school, exchange, module, path, *knowledge]


def build_site(homes, languages, capture_on_commit) -> dict[str, list]:
    """The pages of ``build_pages`` in English, translated into
    ``languages``: {language: [pages]}. Built without updating the search
    index page by page (as load_demo does)."""
    call_command("import_esco", str(ESCO_FIXTURES), "--languages", "en,de", "--all", verbosity=0)
    backends = settings.WAGTAILSEARCH_BACKENDS
    quiet = {name: {**conf, "AUTO_UPDATE": False} for name, conf in backends.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
        pages = build_pages(homes["en"], homes["en"].locale)
        by_language = {"en": [homes["en"], *pages]}
        for code in languages:
            by_language[code] = [homes[code]]
            for page in pages:  # parents before children, each in its own transaction
                with capture_on_commit(execute=True):
                    translated = translate_object(page, code, {})
                by_language[code].append(Page.objects.get(pk=translated.pk).specific)
    return by_language


@pytest.fixture
def site_pages(home_all_locales, django_capture_on_commit_callbacks):
    """Every page type, live in all seven languages."""
    return build_site(home_all_locales, TARGET_LANGUAGES, django_capture_on_commit_callbacks)
