"""Demo step: the knowledge base in seven languages.

Four index pages, six policy papers (each with a generated multi-page PDF),
six guidelines, eight case stories and ten news items and events, linked to
the demo partners where the partners app made them. A partner's own stories,
guidelines and events live in its section of the tree (under its hub or
education-partner page) and their files in its collection; network-wide
news and the papers (written by several partners) stay under the shared
indexes. Idempotent: pages are found by slug (and moved into place, with
their translations), documents by title, authors are updated in place."""

import datetime
import io
from collections.abc import Iterable

from django.core.files.base import ContentFile
from wagtail.models import Collection, Locale

from core.demo_tools import TARGET_LANGUAGES, content_of, publish_if_changed
from core.models import Audience, Sector, SiteDocument, Theme
from core.translation import translate_object
from home.models import HomePage
from knowledgebase.demo_text import INDEXES, LANGS, PAPERS
from knowledgebase.demo_text_guides import GUIDES
from knowledgebase.demo_text_links import BUDGET_TEMPLATE, SERIES
from knowledgebase.demo_text_news import NEWS
from knowledgebase.demo_text_stories import STORIES
from knowledgebase.models import (
    CaseStoryIndexPage,
    CaseStoryPage,
    EventPage,
    GuidelineIndexPage,
    GuidelinePage,
    NewsIndexPage,
    NewsPage,
    PolicyPaperAuthor,
    PolicyPaperIndexPage,
    PolicyPaperPage,
    Series,
)
from knowledgebase.pdf import make_pdf
from partners import sections
from partners.demo_cities import city_table
from partners.demo_data import EDUCATION_PARTNERS, HUBS
from partners.models import PartnerPage

INDEX_MODELS = {
    "policy-papers": PolicyPaperIndexPage,
    "guidelines": GuidelineIndexPage,
    "case-stories": CaseStoryIndexPage,
    "news": NewsIndexPage,
}

# English-only body pages of the generated PDFs (the page text is searchable).
METHOD = [
    "Method. The findings come from interviews with hub managers, a survey of members and a review of public documents from the partner cities.",
    "Each partner hub collected data in its own language; the network translated and compared the answers in joint working sessions.",
    "Limits. The sample is small and self-selected, so the figures describe the network rather than the whole creative economy.",
]


def table(entries: Iterable[dict]) -> dict:
    """English string -> {language: string} for every field of ``entries``."""
    result: dict[str, dict[str, str]] = {}
    for entry in entries:
        english = entry["text"]["en"]
        for position, source in enumerate(english):
            result[source] = {code: entry["text"][code][position] for code in LANGS if code != "en"}
    return result


def terms(model, slugs):
    return list(model.objects.filter(locale__language_code="en", slug__in=slugs))


def partner_pages() -> dict:
    return {p.slug: p for p in PartnerPage.objects.filter(locale__language_code="en")}


def partner_names() -> dict:
    return {row[0]: row[2] for row in HUBS + EDUCATION_PARTNERS}


def home_of(partners: dict, slugs, shared_index):
    """Where a page attributed to ``slugs`` lives: the section of the first of
    them that the partners demo made, else the shared index."""
    for slug in slugs:
        if slug in partners:
            return partners[slug]
    return shared_index


def collection_of(parent) -> Collection:
    """The partner's own collection when ``parent`` is a partner page, else
    the root collection."""
    if isinstance(parent, PartnerPage):
        section = sections.section_for(parent)
        if section is not None:
            return section.collection
    return Collection.get_first_root_node()


def move_into(parent, model, slug):
    """A page of ``model`` with ``slug`` made by an earlier run somewhere else
    in the same language tree, moved under ``parent`` with its translations
    (each under the parent's translation in its language); or None."""
    page = model.objects.filter(locale_id=parent.locale_id, slug=slug).first()
    if page is None:
        return None
    translations = list(page.get_translations())
    page.move(parent, pos="last-child")
    for translation in translations:
        target = parent.get_translation_or_none(translation.locale)
        if target is not None and not translation.is_child_of(target):
            translation.move(target, pos="last-child")
    return model.objects.get(pk=page.pk)


def upsert(parent, model, slug, fields: dict, relations: dict, authors=None):
    """Create or update the child of ``parent`` with ``slug`` and publish it."""
    page = parent.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = move_into(parent, model, slug)
    if page is None:
        page = model(slug=slug, **fields)
        for name, value in relations.items():
            setattr(page, name, value)
        if authors is not None:
            page.authors = [
                PolicyPaperAuthor(name=name, affiliation=aff, sort_order=i)
                for i, (name, aff) in enumerate(authors)
            ]
        parent.add_child(instance=page)
    else:
        before = content_of(page)
        for name, value in {**fields, **relations}.items():
            setattr(page, name, value)
        if authors is not None:
            sync_authors(page, authors)
        return publish_if_changed(page, before)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def sync_authors(page, authors):
    """Update authors in place so their translation keys (and so their
    translations) survive a second run."""
    existing = list(page.authors.all())
    for i, (name, affiliation) in enumerate(authors):
        if i < len(existing):
            author = existing[i]
            author.name, author.affiliation, author.sort_order = name, affiliation, i
        else:
            existing.append(PolicyPaperAuthor(name=name, affiliation=affiliation, sort_order=i))
    page.authors = existing[: len(authors)]


def ensure_document(
    title: str, filename: str, data_factory, collection=None, language="en"
) -> SiteDocument:
    """The document called ``title``, made once, in ``collection`` (root by
    default) and marked as written in ``language``."""
    collection = collection or Collection.get_first_root_node()
    document = SiteDocument.objects.filter(title=title).first()
    if document is None:
        document = SiteDocument(
            title=title,
            file=ContentFile(data_factory(), name=filename),
            collection=collection,
            file_language=language,
        )
        document._set_document_file_metadata()
        document.save()
    elif document.collection_id != collection.pk or document.file_language != language:
        document.collection, document.file_language = collection, language
        document.save()
    return document


def ensure_series(name: str) -> Series | None:
    """The English series called ``name`` and its translations."""
    if not name:
        return None
    english = Locale.objects.get(language_code="en")
    series, _created = Series.objects.get_or_create(locale=english, name=name)
    for code in TARGET_LANGUAGES:
        translate_object(series, code, {name: SERIES[name][code]})
    return series


def budget_title(entry, code: str) -> str:
    """The link title of a guideline's budget template, in ``code``."""
    return f"{BUDGET_TEMPLATE[code]}: {entry['text'][code][0]}"


def link_titles(guides) -> dict:
    """Translations of the budget templates' link titles."""
    return {
        budget_title(entry, "en"): {code: budget_title(entry, code) for code in TARGET_LANGUAGES}
        for entry in guides
        if "finance" in entry["themes"]
    }


def places(entries) -> dict:
    """Translations of the cities that ``entries`` name."""
    return city_table(*(entry["city"] for entry in entries if entry.get("city")))


def paper_pdf(entry) -> bytes:
    en = dict(
        zip(
            ("title", "summary", "abstract", "f", "ft", "r", "rt"), entry["text"]["en"], strict=True
        )
    )
    authors = ", ".join(name for name, _slug in entry["authors"])
    summaries = [f"[{code}] {entry['text'][code][1]}" for code in LANGS if code != "en"]
    pages = [
        [
            f"Authors: {authors}",
            f"Published {entry['date']}.",
            "Abstract. " + en["abstract"],
            en["summary"],
        ],
        ["Key finding: " + en["f"], en["ft"], *METHOD],
        [
            "Recommendation: " + en["r"],
            en["rt"],
            "What to do next. Partners will test the recommendation in their own cities and report back within a year.",
        ],
        ["Summaries in the other languages of the network:", *summaries],
    ]
    return make_pdf(en["title"], pages, author=authors)


def guideline_pdf(entry) -> bytes:
    en = entry["text"]["en"]
    return make_pdf(
        en[0],
        [
            [en[1]],
            [f"Step 1. {en[2]}", en[3], f"[ ] {en[4]}"],
            [f"Step 2. {en[5]}", en[6], f"[ ] {en[7]}"],
        ],
    )


def csv_template(title: str) -> bytes:
    rows = [
        "item,month 1,month 2,month 3,notes",
        "rent,,,,",
        "materials,,,,",
        "fees,,,,",
        "income,,,,",
    ]
    buffer = io.StringIO()
    buffer.write(f"# {title}\n" + "\n".join(rows) + "\n")
    return buffer.getvalue().encode()


def load(context):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    indexes = {}
    for slug, model in INDEX_MODELS.items():
        title, intro = INDEXES[slug]["en"]
        indexes[slug] = upsert(
            home,
            model,
            slug,
            {"title": title, "intro": f"<p>{intro}</p>", "show_in_menus": True},
            {},
        )
    partners = partner_pages()
    names = partner_names()

    papers = []
    for entry in PAPERS:
        en = entry["text"]["en"]
        document = ensure_document(
            en[0], f"{entry['slug']}.pdf", lambda entry=entry: paper_pdf(entry)
        )
        authors = [(name, names.get(slug, "")) for name, slug in entry["authors"]]
        fields = {
            "title": en[0],
            "summary": en[1],
            "abstract": f"<p>{en[2]}</p>",
            "date": datetime.date.fromisoformat(entry["date"]),
            "publisher": entry["publisher"],
            "series": ensure_series(entry["series"]),
            "doi": entry.get("doi", ""),
            "isbn": entry.get("isbn", ""),
            "document": document,
            "countries": entry["countries"],
            "body": [
                ("finding", {"title": en[3], "text": f"<p>{en[4]}</p>"}),
                ("recommendation", {"title": en[5], "text": f"<p>{en[6]}</p>"}),
            ],
        }
        relations = {
            "themes": terms(Theme, entry["themes"]),
            "sectors": terms(Sector, entry["sectors"]),
            "audiences": terms(Audience, entry["audiences"]),
            "partners": [partners[s] for _n, s in entry["authors"] if s in partners],
        }
        papers.append(
            upsert(
                indexes["policy-papers"], PolicyPaperPage, entry["slug"], fields, relations, authors
            )
        )
    context.step(f"{len(papers)} policy papers with PDFs")

    stories = {}
    for entry in STORIES:
        en = entry["text"]["en"]
        fields = {
            "title": en[0],
            "summary": en[1],
            "challenge": f"<p>{en[2]}</p>",
            "approach": f"<p>{en[3]}</p>",
            "outcome": f"<p>{en[4]}</p>",
            "quotes": [("quote", {"quote": en[5], "attribution": entry["speaker"], "role": ""})],
            "date": datetime.date.fromisoformat(entry["date"]),
            "country": entry["country"],
            "city": entry["city"],
        }
        relations = {
            "themes": terms(Theme, entry["themes"]),
            "sectors": terms(Sector, entry["sectors"]),
            "audiences": terms(Audience, entry["audiences"]),
            "partners": [partners[entry["partner"]]] if entry["partner"] in partners else [],
        }
        parent = home_of(partners, [entry["partner"]], indexes["case-stories"])
        stories[entry["slug"]] = upsert(parent, CaseStoryPage, entry["slug"], fields, relations)
    context.step(f"{len(stories)} case stories")

    guides = []
    for entry in GUIDES:
        en = entry["text"]["en"]
        parent = home_of(partners, entry["partners"], indexes["guidelines"])
        collection = collection_of(parent)
        document = ensure_document(
            en[0], f"{entry['slug']}.pdf", lambda entry=entry: guideline_pdf(entry), collection
        )
        templates = []
        if "finance" in entry["themes"]:
            template = ensure_document(
                f"Budget template: {en[0]}",
                f"{entry['slug']}-budget.csv",
                lambda t=en[0]: csv_template(t),
                collection,
            )
            templates.append(
                ("template", {"document": template, "title": budget_title(entry, "en")})
            )
        fields = {
            "title": en[0],
            "summary": en[1],
            "date": datetime.date.fromisoformat(entry["date"]),
            "testing_status": entry["status"],
            "countries": entry["countries"],
            "document": document,
            "templates": templates,
            "steps": [
                ("step", {"title": en[2], "text": f"<p>{en[3]}</p>", "checklist": [en[4]]}),
                ("step", {"title": en[5], "text": f"<p>{en[6]}</p>", "checklist": [en[7]]}),
            ],
        }
        relations = {
            "themes": terms(Theme, entry["themes"]),
            "audiences": terms(Audience, entry["audiences"]),
            "partners": [partners[s] for s in entry["partners"] if s in partners],
            "pilots": [stories[s] for s in entry["pilots"]],
        }
        guides.append(upsert(parent, GuidelinePage, entry["slug"], fields, relations))
    # Each story links the guidelines it piloted.
    for story in stories.values():
        before = content_of(story)
        story.guidelines = [g for g in guides if any(p.pk == story.pk for p in g.pilots.all())]
        publish_if_changed(story, before)
    context.step(f"{len(guides)} guidelines")

    news = []
    for entry in NEWS:
        en = entry["text"]["en"]
        fields = {
            "title": en[0],
            "summary": en[1],
            "body": f"<p>{en[2]}</p>",
            "date": datetime.date.fromisoformat(entry["date"]),
        }
        model = NewsPage
        if entry["kind"] == "event":
            model = EventPage
            fields.update(
                end_date=datetime.date.fromisoformat(entry["end_date"])
                if entry.get("end_date")
                else None,
                event_format=entry["format"],
                venue=entry.get("venue", ""),
                city=entry.get("city", ""),
                country=entry.get("country", ""),
                online_url=entry.get("online_url", ""),
            )
        partner = entry.get("partner")
        relations = {
            "themes": terms(Theme, entry["themes"]),
            "partners": [partners[partner]] if partner in partners else [],
        }
        parent = home_of(partners, [partner] if partner else [], indexes["news"])
        news.append(upsert(parent, model, entry["slug"], fields, relations))
    context.step(f"{len(news)} news items and events")

    # Translations: parents before children.
    index_table = {}
    for by_lang in INDEXES.values():
        for position, source in enumerate(by_lang["en"]):
            index_table[source] = {code: by_lang[code][position] for code in LANGS if code != "en"}
    for index in indexes.values():
        context.translate(index, index_table)
    for entries, pages in (
        (PAPERS, papers),
        (STORIES, list(stories.values())),
        (GUIDES, guides),
        (NEWS, news),
    ):
        strings = {**table(entries), **link_titles(GUIDES), **places(entries)}
        for page in pages:
            context.translate(page, strings)
    # Stories were translated before the guidelines they link to: point those
    # links at the translated guidelines now.
    other_locales = Locale.objects.exclude(language_code="en")
    for story in CaseStoryPage.objects.filter(
        locale__in=other_locales, guidelines__isnull=False
    ).distinct():
        story.save_revision().publish()
