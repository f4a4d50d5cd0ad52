"""Demo step: the knowledge base in seven languages.

Four index pages, six policy papers (each with a generated multi-page PDF),
six guidelines, eight case stories and ten news items and events, linked to
the demo partners where the partners app made them. Idempotent: pages are
found by slug, documents by title, authors are updated in place."""

import datetime
import io
from collections.abc import Iterable

from django.core.files.base import ContentFile
from wagtail.models import Locale

from core.demo_tools import content_of, publish_if_changed
from core.models import Audience, Sector, SiteDocument, Theme
from home.models import HomePage
from knowledgebase.demo_text import INDEXES, LANGS, PAPERS
from knowledgebase.demo_text_guides import GUIDES
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
)
from knowledgebase.pdf import make_pdf
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


def upsert(parent, model, slug, fields: dict, relations: dict, authors=None):
    """Create or update the child of ``parent`` with ``slug`` and publish it."""
    page = parent.get_children().filter(slug=slug).specific().first()
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


def ensure_document(title: str, filename: str, data_factory) -> SiteDocument:
    document = SiteDocument.objects.filter(title=title).first()
    if document is None:
        document = SiteDocument(title=title, file=ContentFile(data_factory(), name=filename))
        document._set_document_file_metadata()
        document.save()
    return document


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
            "series": entry["series"],
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
        stories[entry["slug"]] = upsert(
            indexes["case-stories"], CaseStoryPage, entry["slug"], fields, relations
        )
    context.step(f"{len(stories)} case stories")

    guides = []
    for entry in GUIDES:
        en = entry["text"]["en"]
        document = ensure_document(
            en[0], f"{entry['slug']}.pdf", lambda entry=entry: guideline_pdf(entry)
        )
        templates = []
        if "finance" in entry["themes"]:
            template = ensure_document(
                f"Budget template: {en[0]}",
                f"{entry['slug']}-budget.csv",
                lambda t=en[0]: csv_template(t),
            )
            templates.append(("template", template))
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
        guides.append(
            upsert(indexes["guidelines"], GuidelinePage, entry["slug"], fields, relations)
        )
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
        relations = {"themes": terms(Theme, entry["themes"])}
        news.append(upsert(indexes["news"], model, entry["slug"], fields, relations))
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
        strings = table(entries)
        for page in pages:
            context.translate(page, strings)
    # Stories were translated before the guidelines they link to: point those
    # links at the translated guidelines now.
    other_locales = Locale.objects.exclude(language_code="en")
    for story in CaseStoryPage.objects.filter(
        locale__in=other_locales, guidelines__isnull=False
    ).distinct():
        story.save_revision().publish()
