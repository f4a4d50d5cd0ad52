"""A real harvester, sickle, against the endpoint on Django's live server:
a full harvest, a selective one, and one resumed across pages."""

import datetime

import pytest
from sickle import Sickle, oaiexceptions
from sickle.iterator import OAIResponseIterator
from wagtail.models import Page

from .conftest import identifier, make_paper

# The live server reads what the test wrote, so the test's writes are
# committed and the database is emptied after each test; the migrations' rows
# (locales, site, themes) are restored before the next one.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("restore_migrated_rows"),
]


@pytest.fixture
def endpoint(live_server):
    return f"{live_server.url}/oai/"


def test_full_harvest(endpoint, library, german):
    sickle = Sickle(endpoint)
    assert sickle.Identify().repositoryName == "Creative FLIP Knowledge Base"
    records = {r.header.identifier: r for r in sickle.ListRecords(metadataPrefix="oai_dc")}
    paper, guideline = library["paper"], library["guideline"]
    assert set(records) == {identifier(paper), identifier(guideline), identifier(german)}
    english = records[identifier(paper)]
    assert english.metadata["title"] == ["Micro-grants for hubs"]
    assert english.metadata["creator"] == ["Ana Costa", "Jan Nowak"]
    assert "https://doi.org/10.1234/cf.2025.1" in english.metadata["identifier"]
    assert english.header.setSpecs == [
        "type:policy-paper",
        "theme:finance",
        "theme:intellectual-property",
        "lang:en",
    ]
    assert records[identifier(german)].metadata["language"] == ["de"]
    single = sickle.GetRecord(identifier=identifier(guideline), metadataPrefix="oai_dc")
    assert single.metadata["title"] == ["Protect your designs"]
    formats = [f.metadataPrefix for f in sickle.ListMetadataFormats()]
    assert formats == ["oai_dc"]
    assert "type:guideline" in [s.setSpec for s in sickle.ListSets()]


def test_selective_harvest(endpoint, library, indexes):
    old = make_paper(indexes["papers"], "Old paper")
    Page.objects.filter(pk=old.pk).update(
        last_published_at=datetime.datetime(2020, 5, 1, 12, tzinfo=datetime.UTC)
    )
    sickle = Sickle(endpoint)

    def harvest(**params):
        items = sickle.ListIdentifiers(metadataPrefix="oai_dc", **params)
        return {header.identifier for header in items}

    assert harvest(until="2020-12-31") == {identifier(old)}
    assert harvest(**{"from": "2021-01-01"}, set="type:policy-paper") == {
        identifier(library["paper"])
    }
    assert harvest(**{"from": "2020-05-01T12:00:00Z", "until": "2020-05-01T12:00:00Z"}) == {
        identifier(old)
    }
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        harvest(set="theme:working-conditions")


def test_harvest_resumed_across_pages(endpoint, library, indexes, settings):
    settings.OAI_PAGE_SIZE = 2
    papers = [make_paper(indexes["papers"], f"Paper {n}") for n in range(3)]
    papers[0].delete()
    expected = {identifier(p) for p in (library["paper"], library["guideline"], *papers)}

    by_page = Sickle(endpoint, iterator=OAIResponseIterator)
    assert len(list(by_page.ListRecords(metadataPrefix="oai_dc"))) == 3
    for method in ("GET", "POST"):
        sickle = Sickle(endpoint, http_method=method)
        records = list(sickle.ListRecords(metadataPrefix="oai_dc"))
        assert {r.header.identifier for r in records} == expected
        assert [r.header.deleted for r in records] == [False] * 4 + [True]
        live = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=True))
        assert len(live) == 4
