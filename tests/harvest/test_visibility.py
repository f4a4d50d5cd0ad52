"""Only live, public pages are harvested. A record whose page is unpublished,
deleted, restricted or moved out of sight is reported deleted, in its sets,
and comes back when the page does; a page never shown leaves no trace."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.demo_tools import ensure_page
from knowledgebase.models import PolicyPaperPage
from partners.models import HubPage
from tests.knowledgebase.conftest import make_guideline

from .conftest import error_code, identifier
from .oai_rules import NS

pytestmark = pytest.mark.django_db


def listed(oai, **params) -> dict:
    """{identifier: header} of ListIdentifiers with ``params``."""
    root = oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", **params})
    if error_code(root) == "noRecordsMatch":
        return {}
    assert error_code(root) is None
    return {
        header.findtext("o:identifier", namespaces=NS): header
        for header in root.iterfind("o:ListIdentifiers/o:header", NS)
    }


def is_deleted(header) -> bool:
    return header.get("status") == "deleted"


def get_record(oai, page):
    return oai({"verb": "GetRecord", "identifier": identifier(page), "metadataPrefix": "oai_dc"})


def now_stamp() -> str:
    return timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def test_drafts_are_not_exposed(oai, library, indexes):
    draft = PolicyPaperPage(title="Draft", slug="draft", abstract="<p>Not yet.</p>", live=False)
    indexes["papers"].add_child(instance=draft)
    draft.save_revision()
    assert identifier(draft) not in listed(oai)
    assert error_code(get_record(oai, draft)) == "idDoesNotExist"


def test_pages_of_a_private_section_are_not_exposed_and_leave_no_trace(oai, library, indexes):
    restrict(indexes["guidelines"])
    secret = make_guideline(indexes["guidelines"], "Secret guide")
    assert identifier(secret) not in listed(oai)
    assert error_code(get_record(oai, secret)) == "idDoesNotExist"
    secret.unpublish()
    key = identifier(secret)
    secret.delete()
    assert key not in listed(oai)


def test_unpublished_records_are_deleted_until_published_again(oai, library):
    paper = library["paper"]
    before = now_stamp()
    paper.unpublish()
    header = listed(oai)[identifier(paper)]
    assert is_deleted(header)
    assert header.findtext("o:datestamp", namespaces=NS) >= before
    record = get_record(oai, paper).find("o:GetRecord/o:record", NS)
    assert is_deleted(record.find("o:header", NS))
    assert record.find("o:metadata", NS) is None

    paper.save_revision().publish()
    root = oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    headers = root.findall("o:ListIdentifiers/o:header", NS)
    keys = [h.findtext("o:identifier", namespaces=NS) for h in headers]
    assert keys.count(identifier(paper)) == 1
    assert not any(is_deleted(h) for h in headers)


def test_a_deleted_record_stays_in_its_sets(oai, library, indexes):
    paper = library["paper"]
    key = identifier(paper)
    paper.delete()
    header = listed(oai)[key]
    assert is_deleted(header)
    assert [s.text for s in header.findall("o:setSpec", NS)] == [
        "type:policy-paper",
        "theme:finance",
        "theme:intellectual-property",
        "lang:en",
    ]
    for spec in ("type:policy-paper", "theme:finance", "theme", "lang:en"):
        assert key in listed(oai, set=spec)
    for spec in ("type:guideline", "lang:de", "theme:Finance"):
        assert key not in listed(oai, set=spec)


def test_deleting_a_section_deletes_its_records(oai, library, indexes):
    key = identifier(library["guideline"])
    indexes["guidelines"].delete()
    assert is_deleted(listed(oai)[key])


def test_restricting_a_section_withdraws_its_records(oai, library, indexes):
    before = now_stamp()
    restrict(indexes["guidelines"])
    header = listed(oai, **{"from": before})[identifier(library["guideline"])]
    assert is_deleted(header)
    assert listed(oai, set="type:guideline").keys() == {identifier(library["guideline"])}
    assert not is_deleted(listed(oai)[identifier(library["paper"])])


def test_lifting_a_restriction_brings_records_back(
    oai, library, indexes, django_capture_on_commit_callbacks
):
    restriction = restrict(indexes["guidelines"])
    lifted = now_stamp()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    # A harvester asking for changes since the restriction was lifted sees it.
    header = listed(oai, **{"from": lifted})[identifier(library["guideline"])]
    assert not is_deleted(header)
    assert header.findtext("o:datestamp", namespaces=NS) >= lifted


def test_moving_into_and_out_of_a_private_section(oai, library, indexes, partner):
    hidden = ensure_page(partner.get_parent(), HubPage, "private-hub", title="Private hub")
    restrict(hidden)
    guideline = library["guideline"]
    guideline.move(hidden, pos="last-child")
    assert is_deleted(listed(oai)[identifier(guideline)])

    moved_back = now_stamp()
    guideline.refresh_from_db()
    indexes["guidelines"].refresh_from_db()
    guideline.move(indexes["guidelines"], pos="last-child")
    header = listed(oai, **{"from": moved_back})[identifier(guideline)]
    assert not is_deleted(header)


def test_moves_between_private_places_leave_no_trace(oai, library, partner):
    directory = partner.get_parent()
    first = ensure_page(directory, HubPage, "private-hub", title="Private hub")
    second = ensure_page(directory, HubPage, "other-private-hub", title="Other private hub")
    restrict(first)
    restrict(second)
    secret = make_guideline(first, "Secret guide")
    secret.move(second, pos="last-child")
    assert identifier(secret) not in listed(oai)
    secret.refresh_from_db()
    secret.move(partner, pos="last-child")
    assert not is_deleted(listed(oai)[identifier(secret)])


def test_untranslated_aliases_are_not_records(oai, library, locales):
    """wagtail-localize's synchronised trees hold aliases of untranslated
    pages in every locale: the same text again, not a German record."""
    alias = library["paper"].copy_for_translation(locales["de"], copy_parents=True, alias=True)
    assert alias.live and alias.alias_of_id == library["paper"].pk
    assert identifier(alias) not in listed(oai)
    assert listed(oai).keys() == {identifier(library["paper"]), identifier(library["guideline"])}
