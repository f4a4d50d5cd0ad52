"""A site with every page type and a chosen number of related items, for
the query-count tests (tests/performance/) and for
benchmarks/page_types_bench.py.

``build_site(n)`` makes the skeleton (home, content page, the listings, a
hub and an education partner to look at) and then ``grow(site, n)``: ``n``
more of everything each page shows. Then

- the hub has ``n`` more publications (linked and in its own section),
  exchanges and twin candidates;
- the paper looked at has ``n`` more authors and partners, ``n`` more
  documents linked from its abstract, and ``n`` more published comments in
  its consultation; every paper has its own document and series;
- the module looked at has ``n`` more ESCO skills, the path ``n`` more modules;
- every listing and the search have ``n`` more pages of each type.

Pages are made with the project's test helpers, published as editors do.
With ``languages``, the skeleton, the pages looked at and the newest page
of each type are also translated the project's way (wagtail-localize,
``core.translation``), after each ``grow``: ``site.urls("de")``.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale

from consultation.models import ConsultationResponse, ResponseStatus
from core.demo_tools import ensure_page
from core.models import Sector, Theme
from core.translation import strings_for, translate_object
from funding.models import FundingIndexPage
from home.demo import ensure_home
from home.models import ContentPage
from ipcheck.models import IPCheckPage
from knowledgebase.models import (
    CaseStoryIndexPage,
    GuidelineIndexPage,
    NewsIndexPage,
    PolicyPaperAuthor,
    PolicyPaperIndexPage,
    Series,
)
from learning.models import LearningIndexPage, LearningPathModule, Skill
from partners.models import (
    EducationPartnerPage,
    ExchangeIndexPage,
    ExchangePage,
    HubPage,
    PartnerIndexPage,
    Service,
)
from tests.consultation.conftest import make_consultation
from tests.funding.conftest import opportunity
from tests.home_text import home_text
from tests.ipcheck.conftest import QUESTIONS, rules
from tests.knowledgebase.conftest import (
    make_document,
    make_event,
    make_guideline,
    make_news,
    make_paper,
    make_story,
)
from tests.learning.conftest import make_module, make_path
from tests.partners.conftest import add_page, make_partner

_numbers = itertools.count(1)
ESCO_SKILL = "http://data.europa.eu/esco/skill/perf-"
# Every title has this word, so one search finds every page type.
WORD = "Orbital"


@dataclass
class BuiltSite:
    home: object
    pages: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    last: dict = field(default_factory=dict)
    languages: tuple = ()
    # {language: {name: translated page}}
    translated: dict = field(default_factory=dict)
    annexes: list = field(default_factory=list)

    def urls(self, language: str = "en") -> dict[str, str]:
        """One URL per page type (and the views that are not pages)."""
        named = {name: page for name, page in self.pages.items() if name[0].isupper()}
        named.update(self.last)
        if language != "en":
            named = {name: self.translated[language][name] for name in named}
        urls = {name: page.url for name, page in named.items()}
        urls.update(
            {
                "search (results)": f"/{language}/search/?q={WORD.lower()}",
                "search (landing)": f"/{language}/search/",
                "skills explorer": f"/{language}/skills/",
                "partner directory ?country": urls["PartnerIndexPage"] + "?country=DE",
                "policy papers ?theme": urls["PolicyPaperIndexPage"] + "?theme=finance",
            }
        )
        return urls


def _services():
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    names = {"coworking": "Co-working space", "prototyping-lab": "Prototyping lab"}
    return {
        slug: Service.objects.get_or_create(slug=slug, locale=english, defaults={"name": name})[0]
        for slug, name in names.items()
    }


def build_site(items: int, languages: tuple = ()) -> BuiltSite:
    """The skeleton, then ``items`` of everything, translated into
    ``languages``. Run it in a test transaction: search indexing and
    wagtail-localize's publishing happen on commit, run here."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        home = ensure_home()
        site = BuiltSite(home=home, services=_services(), languages=tuple(languages))
        pages = site.pages
        pages["HomePage"] = home
        menu = {"show_in_menus": True}
        pages["ContentPage"] = ensure_page(
            home, ContentPage, "about", title="About", body="<p>About us.</p>", **menu
        )
        pages["PolicyPaperIndexPage"] = ensure_page(
            home, PolicyPaperIndexPage, "policy-papers", title="Policy papers", **menu
        )
        pages["GuidelineIndexPage"] = ensure_page(
            home, GuidelineIndexPage, "guidelines", title="Guidelines", **menu
        )
        pages["CaseStoryIndexPage"] = ensure_page(
            home, CaseStoryIndexPage, "case-stories", title="Case stories", **menu
        )
        pages["NewsIndexPage"] = ensure_page(home, NewsIndexPage, "news", title="News", **menu)
        pages["LearningIndexPage"] = ensure_page(
            home, LearningIndexPage, "learning", title="Learning", **menu
        )
        pages["PartnerIndexPage"] = ensure_page(
            home, PartnerIndexPage, "partners", title="Partners", **menu
        )
        pages["ExchangeIndexPage"] = ensure_page(
            home, ExchangeIndexPage, "exchanges", title="Exchanges", **menu
        )
        pages["FundingIndexPage"] = ensure_page(
            home, FundingIndexPage, "funding", title="Funding", **menu
        )
        pages["IPCheckPage"] = ensure_page(
            home, IPCheckPage, "ip-check", title=f"{WORD} IP check", summary="Your IP.",
            intro="<p>A short questionnaire.</p>", questions=QUESTIONS, rules=rules(),
        )  # fmt: skip
        pages["HubPage"] = make_partner(
            pages["PartnerIndexPage"],
            HubPage,
            "hub-looked-at",
            f"{WORD} hub",
            "PT",
            38.7,
            -9.1,
            sectors=("design", "crafts"),
            themes=("finance",),
            services=[site.services["coworking"]],
        )
        pages["EducationPartnerPage"] = make_partner(
            pages["PartnerIndexPage"],
            EducationPartnerPage,
            "school-looked-at",
            f"{WORD} school",
            "AT",
            47.1,
            15.4,
            sectors=("music",),
            themes=("finance",),
            institution_type="university",
        )
    grow(site, items)
    return site


def _translate(site) -> None:
    """The skeleton, the pages looked at and the newest of each type (and
    partner in Germany), into
    each of ``site.languages`` (again after a change: wagtail-localize
    writes a translation only when its source changed)."""
    skeleton = [name for name in site.pages if name[0].isupper()]
    for code in site.languages:
        if code not in site.translated:  # the terms the filters name
            for term in [*_terms(Theme, "finance"), *_terms(Sector, "design")]:
                translate_object(term, code, {})
        done = site.translated.setdefault(code, {})
        for name in [*skeleton, *site.last, "newest twin"]:
            page = site.pages.get(name) or site.last[name]
            strings = strings_for(home_text(), code) if name == "HomePage" else {}
            with TestCase.captureOnCommitCallbacks(execute=True):
                done[name] = translate_object(page, code, strings)


def _terms(model, slug):
    return model.objects.filter(slug=slug, locale__language_code="en")


def _english():
    return Locale.objects.get(language_code="en")


def _skill() -> Skill:
    return Skill.objects.create(uri=f"{ESCO_SKILL}{next(_numbers)}")


def grow(site: BuiltSite, items: int) -> None:
    """``items`` more of everything the pages show."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        _grow(site, items)
    _translate(site)


def _grow(site, items):
    pages = site.pages
    hub, school = pages["HubPage"], pages["EducationPartnerPage"]
    finance = list(Theme.objects.filter(locale__language_code="en", slug="finance"))
    design = list(Sector.objects.filter(locale__language_code="en", slug="design"))
    new_partners, new_modules = [], []
    for _ in range(items):
        n = next(_numbers)
        twin = make_partner(
            pages["PartnerIndexPage"],
            HubPage,
            f"twin-{n}",
            f"{WORD} twin {n}",
            "DE",
            52.5,
            13.4,
            sectors=("design",),
            themes=("finance",),
            services=[site.services["prototyping-lab"]],
        )
        new_partners.append(twin)
        pages["newest twin"] = twin  # translated: the directory's country filter
        site.last["ExchangePage"] = add_page(
            pages["ExchangeIndexPage"],
            ExchangePage,
            title=f"{WORD} exchange {n}",
            slug=f"exchange-{n}",
            programme_round="TWIN Hubs 2024/25",
            date=datetime.date(2024, 10, 1),
            format="onsite",
            partners=[hub, twin],
            themes=finance,
        )
        linked = {"partners": [hub, school]}
        site.last["PolicyPaperPage"] = make_paper(
            pages["PolicyPaperIndexPage"],
            f"{WORD} paper {n}",
            authors=[("Ana Costa", "Hub"), ("Rui Lopes", "School")],
            themes=("finance",),
            sectors=("design",),
            countries=("PT",),
            series=Series.objects.create(name=f"{WORD} series {n}", locale=_english()),
            document=make_document(f"{WORD} report {n}", pages=1),
            paper_status="draft",
            **linked,
        )
        site.last["GuidelinePage"] = make_guideline(
            pages["GuidelineIndexPage"], f"{WORD} guideline {n}", themes=finance, **linked
        )
        site.last["CaseStoryPage"] = make_story(
            pages["CaseStoryIndexPage"], f"{WORD} story {n}", themes=("finance",), **linked
        )
        site.last["FundingOpportunityPage"] = opportunity(
            pages["FundingIndexPage"], f"grant-{n}", title=f"{WORD} grant {n}", eu_wide=True
        )
        site.last["NewsPage"] = make_news(pages["NewsIndexPage"], f"{WORD} news {n}", **linked)
        site.last["EventPage"] = make_event(pages["NewsIndexPage"], f"{WORD} event {n}", **linked)
        make_news(hub, f"{WORD} hub news {n}")  # in the hub's own section
        module = make_module(
            pages["LearningIndexPage"], f"module-{n}", title=f"{WORD} module {n}", skills=[_skill()]
        )
        new_modules.append(module)
        make_path(pages["LearningIndexPage"], f"path-{n}", [module], title=f"{WORD} path {n}")
    _grow_subjects(site, new_partners, new_modules, items, design)


def _grow_subjects(site, new_partners, new_modules, items, design):
    """The pages looked at in detail get ``items`` more related items."""
    pages = site.pages
    paper = site.pages.get("paper looked at") or site.last["PolicyPaperPage"]
    pages["paper looked at"] = paper
    count = paper.authors.count()
    for i in range(items):
        paper.authors.add(PolicyPaperAuthor(name=f"Author {count + i}", sort_order=count + i))
    paper.partners = [*paper.partners.all(), *new_partners]
    paper.sectors = design
    # Documents linked from the abstract (rich text), besides its own.
    site.annexes += [make_document(f"{WORD} annex {count + i}", pages=1) for i in range(items)]
    links = "".join(
        f'<li><a linktype="document" id="{document.pk}">{document.title}</a></li>'
        for document in site.annexes
    )
    paper.abstract = f"<p>Abstract of {paper.title}.</p><ul>{links}</ul>"
    paper.save_revision().publish()
    site.last["PolicyPaperPage"] = paper
    _comment(paper, items)

    module = site.pages.get("module looked at") or new_modules[0]
    pages["module looked at"] = module
    module.skills.add(*[_skill() for _ in range(items)])
    module.save_revision().publish()
    site.last["LearningModulePage"] = module

    path = site.pages.get("path looked at")
    if path is None:
        path = make_path(pages["LearningIndexPage"], "path-looked-at", [], title=f"{WORD} path")
        pages["path looked at"] = path
    start = path.path_modules.count()
    for i, step in enumerate(new_modules):
        path.path_modules.add(LearningPathModule(module=step, sort_order=start + i))
    path.save_revision().publish()
    site.last["LearningPathPage"] = path

    home = site.home
    if not home.featured:
        home.featured = [("page", site.last[name]) for name in list(site.last)[:6]]
        home.save_revision().publish()


def _comment(paper, items: int) -> None:
    """``items`` more published comments in the paper's open consultation."""
    from consultation.models import Consultation

    consultation = Consultation.objects.filter(page=paper).first() or make_consultation(paper)
    question = consultation.question_list()[0][0]
    now = timezone.now()
    ConsultationResponse.objects.bulk_create(
        ConsultationResponse(
            consultation=consultation,
            language="en",
            comment=f"Comment {i}: the budget step needs an example.",
            answers={question: "Yes, mostly."},
            name=f"Reader {i}",
            organisation_type="small-business",
            country=("PT", "DE", "IT")[i % 3],
            consent="named",
            status=ResponseStatus.APPROVED,
            confirmed_at=now,
            moderated_at=now,
        )
        for i in range(items)
    )
