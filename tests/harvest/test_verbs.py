"""The six verbs over the test client, and what a record says in Dublin Core."""

import pytest
from wagtail.models import Site

from tests.knowledgebase.conftest import make_document

from .conftest import dublin_core, error_code, identifier, identifiers
from .oai_rules import NS

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_identify_describes_the_repository(oai, library):
    root = oai({"verb": "Identify"})
    identify = root.find("o:Identify", NS)
    assert identify.findtext("o:repositoryName", namespaces=NS) == "Creative FLIP Knowledge Base"
    assert identify.findtext("o:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("o:deletedRecord", namespaces=NS) == "transient"
    assert identify.findtext("o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("o:adminEmail", namespaces=NS)
    earliest = identify.findtext("o:earliestDatestamp", namespaces=NS)
    first = min(library["paper"].last_published_at, library["guideline"].last_published_at)
    assert earliest == first.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert root.find("o:request", NS).attrib == {"verb": "Identify"}
    # "localhost" is no domain name: no oai-identifier description.
    assert identify.find("o:description", NS) is None


def test_identifiers_are_named_after_the_sites_host(oai, library):
    Site.objects.filter(is_default_site=True).update(hostname="kb.example.org")
    root = oai({"verb": "Identify"})
    scheme = root.find("o:Identify/o:description", NS)[0]
    ns = {"i": "http://www.openarchives.org/OAI/2.0/oai-identifier"}
    assert scheme.findtext("i:repositoryIdentifier", namespaces=ns) == "kb.example.org"
    assert scheme.findtext("i:sampleIdentifier", namespaces=ns).startswith("oai:kb.example.org:")
    listed = identifiers(oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}))
    key = library["paper"].translation_key
    assert f"oai:kb.example.org:{key}/en" in listed


def test_list_metadata_formats_offers_oai_dc(oai, library):
    for params in ({}, {"identifier": identifier(library["guideline"])}):
        root = oai({"verb": "ListMetadataFormats", **params})
        formats = root.findall("o:ListMetadataFormats/o:metadataFormat", NS)
        assert [f.findtext("o:metadataPrefix", namespaces=NS) for f in formats] == ["oai_dc"]
        assert formats[0].findtext("o:metadataNamespace", namespaces=NS) == (
            "http://www.openarchives.org/OAI/2.0/oai_dc/"
        )


def test_list_sets_names_types_themes_and_languages(oai, library):
    root = oai({"verb": "ListSets"})
    sets = {
        s.findtext("o:setSpec", namespaces=NS): s.findtext("o:setName", namespaces=NS)
        for s in root.iterfind("o:ListSets/o:set", NS)
    }
    assert sets["type"] == "Type"
    assert sets["type:policy-paper"] == "Policy paper"
    assert sets["type:guideline"] == "Guideline"
    assert sets["theme:finance"] == "Finance"
    assert sets["theme:intellectual-property"] == "Intellectual Property"
    assert sets["lang:de"] == "Deutsch"
    assert {"theme", "lang", "lang:en", "lang:el"} <= set(sets)


def test_a_policy_paper_in_dublin_core(oai, library):
    paper = library["paper"]
    paper.document = document = make_document("Grant report")
    paper.save_revision().publish()
    paper.refresh_from_db()
    root = oai({"verb": "GetRecord", "identifier": identifier(paper), "metadataPrefix": "oai_dc"})
    record = root.find("o:GetRecord/o:record", NS)
    header = record.find("o:header", NS)
    assert header.findtext("o:identifier", namespaces=NS) == identifier(paper)
    assert header.findtext("o:datestamp", namespaces=NS) == paper.last_published_at.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert [s.text for s in header.findall("o:setSpec", NS)] == [
        "type:policy-paper",
        "theme:finance",
        "theme:intellectual-property",
        "lang:en",
    ]
    assert dublin_core(record) == {
        "title": ["Micro-grants for hubs"],
        "creator": ["Ana Costa", "Jan Nowak"],
        "subject": ["Finance", "Intellectual Property"],
        "description": ["Small grants keep small hubs alive & well."],
        "publisher": ["Creative FLIP Network"],
        "contributor": ["Officina Torino"],
        "date": ["2025-03-05"],
        "type": ["Text", "info:eu-repo/semantics/report"],
        "format": ["application/pdf"],
        "identifier": [
            "http://localhost/en/policy-papers/micro-grants/",
            "https://doi.org/10.1234/cf.2025.1",
            "urn:isbn:978-3-16-148410-0",
            f"http://localhost/documents/{document.pk}/{document.filename}",
        ],
        "language": ["en"],
    }
    title = record.find("o:metadata/oai_dc:dc/dc:title", NS)
    assert title.get(XML_LANG) == "en"


def test_a_guideline_names_its_partners_as_creators(oai, library):
    guideline = library["guideline"]
    root = oai(
        {"verb": "GetRecord", "identifier": identifier(guideline), "metadataPrefix": "oai_dc"}
    )
    values = dublin_core(root.find("o:GetRecord/o:record", NS))
    assert values["creator"] == ["Officina Torino"]
    assert values["publisher"] == ["Creative FLIP Knowledge Base"]
    assert values["type"] == ["Text", "info:eu-repo/semantics/other"]
    assert values["identifier"] == ["http://localhost/en/guidelines/protect-designs/"]
    assert values["description"] == ["How to register a design."]


def test_each_translation_is_a_record_of_its_own(oai, library, german):
    root = oai({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "type:policy-paper"})
    records = {
        r.findtext("o:header/o:identifier", namespaces=NS): r
        for r in root.iterfind("o:ListRecords/o:record", NS)
    }
    assert set(records) == {identifier(library["paper"]), identifier(german)}
    deutsch = records[identifier(german)]
    values = dublin_core(deutsch)
    assert values["title"] == ["Kleinstförderung"]
    assert values["language"] == ["de"]
    assert values["identifier"][0] == "http://localhost/de/policy-papers/micro-grants/"
    assert values["relation"] == ["http://localhost/en/policy-papers/micro-grants/"]
    assert deutsch.find("o:metadata/oai_dc:dc/dc:title", NS).get(XML_LANG) == "de"
    english = dublin_core(records[identifier(library["paper"])])
    assert english["relation"] == ["http://localhost/de/policy-papers/micro-grants/"]
    # Alone in its answer, a record still names its translations.
    alone = oai({"verb": "GetRecord", "identifier": identifier(german), "metadataPrefix": "oai_dc"})
    relation = dublin_core(alone.find("o:GetRecord/o:record", NS))["relation"]
    assert relation == ["http://localhost/en/policy-papers/micro-grants/"]
    assert "lang:de" in [s.text for s in deutsch.findall("o:header/o:setSpec", NS)]


def test_post_is_answered_like_get(oai, library):
    params = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
    assert identifiers(oai(params, method="post")) == identifiers(oai(params))
    assert len(identifiers(oai(params))) == 2


def test_other_methods_are_refused(client, library):
    assert client.put("/oai/?verb=Identify").status_code == 405


def test_text_is_escaped_and_cleaned_into_well_formed_xml(oai, library):
    paper = library["paper"]
    paper.title = "Grants </dc:title><evil/> & \x0bmore"
    paper.save_revision().publish()
    root = oai({"verb": "GetRecord", "identifier": identifier(paper), "metadataPrefix": "oai_dc"})
    values = dublin_core(root.find("o:GetRecord/o:record", NS))
    assert values["title"] == ["Grants </dc:title><evil/> & \ufffdmore"]
    # Arguments echoed back are cleaned too.
    root = oai({"verb": "GetRecord", "identifier": "oai:\x01<x>", "metadataPrefix": "oai_dc"})
    assert error_code(root) == "idDoesNotExist"
    assert root.find("o:request", NS).get("identifier") == "oai:\ufffd<x>"
