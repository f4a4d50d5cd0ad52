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
import functools
import io

from django.core.files.base import ContentFile
from wagtail.models import Collection, Locale

from core import demo_catalogue
from core.demo_content import read, taxonomy
from core.demo_tools import TARGET_LANGUAGES, content_of, ensure_page, publish_if_changed
from core.models import SiteDocument
from home.models import HomePage
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
from partners.models import PartnerPage

# A page that an earlier run put elsewhere (before its partner's section
# existed) moves into place with its translations.
build = functools.partial(ensure_page, move=True)

INDEX_MODELS = {
    "policy-papers": PolicyPaperIndexPage,
    "guidelines": GuidelineIndexPage,
    "case-stories": CaseStoryIndexPage,
    "news": NewsIndexPage,
}


def partner_pages() -> dict:
    return {p.slug: p for p in PartnerPage.objects.filter(locale__language_code="en")}


def partner_names() -> dict:
    return {entry["slug"]: entry["title"] for entry in read("partners")}


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


def ensure_series(context, name: str) -> Series | None:
    """The English series called ``name`` and its translations."""
    if not name:
        return None
    english = Locale.objects.get(language_code="en")
    series, _created = Series.objects.get_or_create(locale=english, name=name)
    context.translate(series)
    return series


def authors_of(entry, names) -> list:
    return [
        PolicyPaperAuthor(name=a["name"], affiliation=names.get(a["partner"], ""), sort_order=i)
        for i, a in enumerate(entry.get("authors", []))
    ]


def paper_pdf(entry) -> bytes:
    pdf_text = read("paper_pdfs")
    authors = ", ".join(author["name"] for author in entry["authors"])
    summaries = [
        f"[{code}] {demo_catalogue.text(entry['summary'], code)}" for code in TARGET_LANGUAGES
    ]
    pages = [
        [
            f"Authors: {authors}",
            f"Published {entry['date']}.",
            "Abstract. " + entry["abstract"],
            entry["summary"],
        ],
        ["Key finding: " + entry["finding"], entry["finding_text"], *pdf_text["method"]],
        [
            "Recommendation: " + entry["recommendation"],
            entry["recommendation_text"],
            pdf_text["next_steps"],
        ],
        ["Summaries in the other languages of the network:", *summaries],
    ]
    return make_pdf(entry["title"], pages, author=authors)


def guideline_pdf(entry) -> bytes:
    return make_pdf(
        entry["title"],
        [
            [entry["summary"]],
            [f"Step 1. {entry['s1']}", entry["s1_text"], f"[ ] {entry['s1_check']}"],
            [f"Step 2. {entry['s2']}", entry["s2_text"], f"[ ] {entry['s2_check']}"],
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
    for entry in read("knowledgebase_indexes"):
        indexes[entry["slug"]] = build(
            home,
            INDEX_MODELS[entry["slug"]],
            entry["slug"],
            title=entry["title"],
            intro=f"<p>{entry['intro']}</p>",
            show_in_menus=True,
        )
    partners = partner_pages()
    names = partner_names()

    papers = []
    for entry in read("policy_papers"):
        document = ensure_document(
            entry["title"], f"{entry['slug']}.pdf", lambda entry=entry: paper_pdf(entry)
        )
        papers.append(
            build(
                indexes["policy-papers"],
                PolicyPaperPage,
                entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                abstract=f"<p>{entry['abstract']}</p>",
                date=datetime.date.fromisoformat(entry["date"]),
                publisher=entry["publisher"],
                series=ensure_series(context, entry["series"]),
                doi=entry.get("doi", ""),
                isbn=entry.get("isbn", ""),
                document=document,
                countries=entry["countries"],
                body=[
                    (
                        "finding",
                        {"title": entry["finding"], "text": f"<p>{entry['finding_text']}</p>"},
                    ),
                    (
                        "recommendation",
                        {
                            "title": entry["recommendation"],
                            "text": f"<p>{entry['recommendation_text']}</p>",
                        },
                    ),
                ],
                **taxonomy(entry),
                partners=[
                    partners[a["partner"]] for a in entry["authors"] if a["partner"] in partners
                ],
                authors=authors_of(entry, names),
            )
        )
    context.step(f"{len(papers)} policy papers with PDFs")

    stories = {}
    for entry in read("case_stories"):
        parent = home_of(partners, [entry["partner"]], indexes["case-stories"])
        stories[entry["slug"]] = build(
            parent,
            CaseStoryPage,
            entry["slug"],
            title=entry["title"],
            summary=entry["summary"],
            challenge=f"<p>{entry['challenge']}</p>",
            approach=f"<p>{entry['approach']}</p>",
            outcome=f"<p>{entry['outcome']}</p>",
            quotes=[
                ("quote", {"quote": entry["quote"], "attribution": entry["speaker"], "role": ""})
            ],
            date=datetime.date.fromisoformat(entry["date"]),
            country=entry["country"],
            city=entry["city"],
            **taxonomy(entry),
            partners=[partners[entry["partner"]]] if entry["partner"] in partners else [],
        )
    context.step(f"{len(stories)} case stories")

    guides = []
    for entry in read("guidelines"):
        parent = home_of(partners, entry["partners"], indexes["guidelines"])
        collection = collection_of(parent)
        document = ensure_document(
            entry["title"],
            f"{entry['slug']}.pdf",
            lambda entry=entry: guideline_pdf(entry),
            collection,
        )
        templates = []
        if "finance" in entry["themes"]:
            template = ensure_document(
                f"Budget template: {entry['title']}",
                f"{entry['slug']}-budget.csv",
                lambda t=entry["title"]: csv_template(t),
                collection,
            )
            title = f"Budget template: {entry['title']}"
            templates.append(("template", {"document": template, "title": title}))
        steps = [
            (
                "step",
                {
                    "title": entry[f"s{n}"],
                    "text": f"<p>{entry[f's{n}_text']}</p>",
                    "checklist": [entry[f"s{n}_check"]],
                },
            )
            for n in (1, 2)
        ]
        guides.append(
            build(
                parent,
                GuidelinePage,
                entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                date=datetime.date.fromisoformat(entry["date"]),
                testing_status=entry["status"],
                countries=entry["countries"],
                document=document,
                templates=templates,
                steps=steps,
                **taxonomy(entry),
                partners=[partners[s] for s in entry["partners"] if s in partners],
                pilots=[stories[s] for s in entry["pilots"]],
            )
        )
    # Each story links the guidelines it piloted.
    for story in stories.values():
        before = content_of(story)
        story.guidelines = [g for g in guides if any(p.pk == story.pk for p in g.pilots.all())]
        publish_if_changed(story, before)
    context.step(f"{len(guides)} guidelines")

    news = []
    for entry in read("news"):
        fields = {}
        model = NewsPage
        if entry["kind"] == "event":
            model = EventPage
            end = entry.get("end_date")
            fields = {
                "end_date": datetime.date.fromisoformat(end) if end else None,
                "event_format": entry["format"],
                "venue": entry.get("venue", ""),
                "city": entry.get("city", ""),
                "country": entry.get("country", ""),
                "online_url": entry.get("online_url", ""),
            }
        partner = entry.get("partner")
        parent = home_of(partners, [partner] if partner else [], indexes["news"])
        news.append(
            build(
                parent,
                model,
                entry["slug"],
                title=entry["title"],
                summary=entry["summary"],
                body=f"<p>{entry['body']}</p>",
                date=datetime.date.fromisoformat(entry["date"]),
                **taxonomy(entry),
                partners=[partners[partner]] if partner in partners else [],
                **fields,
            )
        )
    context.step(f"{len(news)} news items and events")

    # Translations: parents before children.
    for page in [*indexes.values(), *papers, *stories.values(), *guides, *news]:
        context.translate(page)
    # Stories were translated before the guidelines they link to: point those
    # links at the translated guidelines now.
    other_locales = Locale.objects.exclude(language_code="en")
    for story in CaseStoryPage.objects.filter(
        locale__in=other_locales, guidelines__isnull=False
    ).distinct():
        story.save_revision().publish()
