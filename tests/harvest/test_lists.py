"""Selective harvesting (from/until, sets), resumption tokens, and what a
page of 100 records costs in queries."""

import datetime

import pytest
from wagtail.models import Page

from core.models import Theme
from knowledgebase.models import GuidelinePage, PolicyPaperAuthor, PolicyPaperPage
from tests.knowledgebase.conftest import make_document, term

from .conftest import identifier, identifiers, make_paper
from .oai_rules import NS

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def listed(oai, **params) -> set[str]:
    return set(identifiers(oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", **params})))


def published_at(page, when: datetime.datetime) -> None:
    Page.objects.filter(pk=page.pk).update(last_published_at=when)


def test_from_and_until_by_day_and_by_second(oai, indexes):
    early, middle, late = (make_paper(indexes["papers"], t) for t in ("Early", "Middle", "Late"))
    published_at(early, datetime.datetime(2024, 1, 1, 23, 59, 59, 400000, tzinfo=UTC))
    published_at(middle, datetime.datetime(2024, 1, 2, 10, 0, 0, 700000, tzinfo=UTC))
    published_at(late, datetime.datetime(2024, 1, 3, tzinfo=UTC))
    early, middle, late = identifier(early), identifier(middle), identifier(late)

    assert listed(oai, **{"from": "2024-01-02", "until": "2024-01-02"}) == {middle}
    assert listed(oai, **{"from": "2024-01-02"}) == {middle, late}
    assert listed(oai, until="2024-01-02") == {early, middle}
    # Datestamps are shown to the second; both ends take in the whole second.
    second = "2024-01-02T10:00:00Z"
    assert listed(oai, **{"from": second, "until": second}) == {middle}
    assert listed(oai, **{"from": "2024-01-02T10:00:01Z"}) == {late}
    assert listed(oai, until="2024-01-01T23:59:59Z") == {early}
    root = oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": second})
    stamps = [h.findtext("o:datestamp", namespaces=NS) for h in root.iterfind(".//o:header", NS)]
    assert stamps == [second, "2024-01-03T00:00:00Z"]


def test_sets_select_records(oai, library, german):
    paper, guideline = identifier(library["paper"]), identifier(library["guideline"])
    everything = {paper, guideline, identifier(german)}
    assert listed(oai, set="type:guideline") == {guideline}
    assert listed(oai, set="type:policy-paper") == {paper, identifier(german)}
    assert listed(oai, set="theme:finance") == {paper, identifier(german)}
    assert listed(oai, set="lang:de") == {identifier(german)}
    for parent in ("type", "theme", "lang"):
        assert listed(oai, set=parent) == everything


def walk(oai, verb, **params) -> tuple[list, list]:
    """Follow the resumption tokens: (every item, (cursor, size) per page)."""
    tag = "o:header" if verb == "ListIdentifiers" else "o:record"
    root = oai({"verb": verb, "metadataPrefix": "oai_dc", **params})
    items, pages = [], []
    while True:
        items += root.findall(f"o:{verb}/{tag}", NS)
        token = root.find(f"o:{verb}/o:resumptionToken", NS)
        if token is None:
            return items, pages
        pages.append((int(token.get("cursor")), int(token.get("completeListSize"))))
        if not token.text:
            return items, pages
        root = oai({"verb": verb, "resumptionToken": token.text})


def test_resumption_tokens_walk_a_long_list(oai, library, indexes, settings):
    settings.OAI_PAGE_SIZE = 2
    papers = [make_paper(indexes["papers"], f"Paper {n}") for n in range(3)]
    papers[0].unpublish()
    records, pages = walk(oai, "ListRecords")
    assert pages == [(0, 5), (2, 5), (4, 5)]
    keys = [r.findtext("o:header/o:identifier", namespaces=NS) for r in records]
    expected = [library["paper"], library["guideline"], papers[1], papers[2], papers[0]]
    assert keys == [identifier(page) for page in expected]
    assert records[-1].find("o:header", NS).get("status") == "deleted"


def test_a_short_list_has_no_token(oai, library):
    root = oai({"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    assert root.find("o:ListRecords/o:resumptionToken", NS) is None


def test_the_token_keeps_the_arguments(oai, library, indexes, settings):
    settings.OAI_PAGE_SIZE = 1
    papers = [make_paper(indexes["papers"], f"Paper {n}") for n in range(2)]
    headers, pages = walk(oai, "ListIdentifiers", set="type:policy-paper")
    keys = [h.findtext("o:identifier", namespaces=NS) for h in headers]
    assert keys == [identifier(p) for p in (library["paper"], *papers)]
    assert pages == [(0, 3), (1, 3), (2, 3)]


def test_changes_during_a_harvest_skip_nothing(oai, library, indexes, settings):
    """Positions are keys, not offsets: withdrawing a record already sent
    does not make the harvester miss the next one."""
    settings.OAI_PAGE_SIZE = 1
    root = oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    seen = identifiers(root)
    library["paper"].unpublish()
    newcomer = make_paper(indexes["papers"], "Newcomer")
    while token := root.findtext("o:ListIdentifiers/o:resumptionToken", namespaces=NS):
        root = oai({"verb": "ListIdentifiers", "resumptionToken": token})
        seen += identifiers(root)
    paper = identifier(library["paper"])
    assert seen == [paper, identifier(library["guideline"]), identifier(newcomer), paper]
    # The last page counts what was actually sent.
    last = root.find("o:ListIdentifiers/o:resumptionToken", NS)
    assert (last.get("cursor"), last.get("completeListSize")) == ("3", "4")


def quick_records(indexes, partner, count: int) -> None:
    """``count`` papers and guidelines, half each, with authors, themes, a
    partner and a PDF, made live without the cost of publishing each."""
    document = make_document("Shared report")
    themes = [term(Theme, "finance"), term(Theme, "intellectual-property")]
    for n in range(count):
        if n % 2:
            page = GuidelinePage(title=f"Guideline {n}", slug=f"guideline-{n}", document=document)
            parent = indexes["guidelines"]
        else:
            page = PolicyPaperPage(
                title=f"Paper {n}", slug=f"paper-{n}", abstract="<p>A.</p>", doi=f"10.1234/{n}"
            )
            page.document = document
            page.authors = [PolicyPaperAuthor(name=f"Author {i}", sort_order=i) for i in range(2)]
            parent = indexes["papers"]
        page.themes = themes
        page.partners = [partner]
        parent.add_child(instance=page)
    Page.objects.type(PolicyPaperPage, GuidelinePage).update(
        last_published_at=datetime.datetime(2025, 1, 1, tzinfo=UTC)
    )


def test_a_page_of_100_records_costs_a_fixed_number_of_queries(
    oai, indexes, partner, settings, django_assert_max_num_queries
):
    settings.OAI_PAGE_SIZE = 100
    quick_records(indexes, partner, 101)
    params = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    oai(params)  # Wagtail caches the site's root paths on first use.
    with django_assert_max_num_queries(14):
        root = oai(params)
    records = root.findall("o:ListRecords/o:record", NS)
    assert len(records) == 100
    token = root.findtext("o:ListRecords/o:resumptionToken", namespaces=NS)
    with django_assert_max_num_queries(14):
        root = oai({"verb": "ListRecords", "resumptionToken": token})
    assert len(root.findall("o:ListRecords/o:record", NS)) == 1
