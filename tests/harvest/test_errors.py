"""Every OAI-PMH error the endpoint can give, as the protocol asks: HTTP 200,
an ``<error code=...>``, and the request echoed only when it was legal."""

import pytest
from django.core import signing

from .conftest import error_code, identifier
from .oai_rules import NS, parse

pytestmark = pytest.mark.django_db

RECORDS = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "verb=Explain",
        "verb=identify",
        "verb=Identify&verb=Identify",
        "metadataPrefix=oai_dc",
    ],
)
def test_bad_verb(client, db, query):
    response = client.get(f"/oai/?{query}")
    assert response.status_code == 200
    root = parse(response.content)
    assert error_code(root) == "badVerb"
    assert root.find("o:request", NS).attrib == {}


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "set": "type"},
        {"verb": "ListRecords"},
        {"verb": "ListIdentifiers", "from": "2025-01-01"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "identifier": "oai:localhost:x"},
        {"verb": "ListSets", "metadataPrefix": "oai_dc"},
        {**RECORDS, "resumptionToken": "abc"},
        {**RECORDS, "from": "2025-1-1"},
        {**RECORDS, "from": "2025-02-30"},
        {**RECORDS, "from": "2025-01-01T10:00:00"},
        {**RECORDS, "from": "2025-01-01T10:00:00+01:00"},
        {**RECORDS, "until": "２０２５-01-01"},
        {**RECORDS, "from": "2025-01-01", "until": "2025-02-01T00:00:00Z"},
        {**RECORDS, "from": "2025-02-01", "until": "2025-01-01"},
        {**RECORDS, "from": ""},
    ],
)
def test_bad_argument(oai, db, params):
    root = oai(params)
    assert error_code(root) == "badArgument"
    assert root.find("o:request", NS).attrib == {}


def test_repeated_arguments_are_bad(client, db):
    response = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&set=a&set=b")
    assert error_code(parse(response.content)) == "badArgument"


def test_bad_resumption_token(oai, library, settings):
    settings.OAI_PAGE_SIZE = 1
    first = oai({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    token = first.findtext("o:ListIdentifiers/o:resumptionToken", namespaces=NS)
    assert token
    # The token works for its own verb ...
    assert error_code(oai({"verb": "ListIdentifiers", "resumptionToken": token})) is None
    # ... and no other; nor when altered, forged or unknown.
    forged = signing.dumps({"verb": "ListRecords", "args": RECORDS}, salt="wrong")
    for verb, value in [
        ("ListRecords", token),
        ("ListIdentifiers", token[:-2] + ("AA" if not token.endswith("AA") else "BB")),
        ("ListIdentifiers", forged),
        ("ListIdentifiers", "not-a-token"),
        ("ListSets", token),
    ]:
        root = oai({"verb": verb, "resumptionToken": value})
        assert error_code(root) == "badResumptionToken", (verb, value)
        assert root.find("o:request", NS).attrib == {"verb": verb, "resumptionToken": value}


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "GetRecord"])
def test_cannot_disseminate_other_formats(oai, library, verb):
    params = {"verb": verb, "metadataPrefix": "marc21"}
    if verb == "GetRecord":
        params["identifier"] = identifier(library["paper"])
    root = oai(params)
    assert error_code(root) == "cannotDisseminateFormat"
    assert root.find("o:request", NS).attrib == params


@pytest.mark.parametrize(
    "value",
    [
        "oai:localhost:00000000-0000-0000-0000-000000000000/en",
        "oai:localhost:not-a-uuid/en",
        "oai:elsewhere.org:{key}/en",
        "oai:localhost:{key}/xx",
        "oai:localhost:{key}",
        "{key}",
    ],
)
def test_id_does_not_exist(oai, library, value):
    value = value.format(key=library["paper"].translation_key)
    for params in (
        {"verb": "GetRecord", "identifier": value, "metadataPrefix": "oai_dc"},
        {"verb": "ListMetadataFormats", "identifier": value},
    ):
        assert error_code(oai(params)) == "idDoesNotExist"


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2999-01-01"},
        {"until": "2000-01-01T00:00:00Z"},
        {"set": "theme:no-such-theme"},
        {"set": "type:case-story"},
        {"set": "lang:xx"},
        {"set": "colour:red"},
        {"set": "type:policy-paper", "until": "2000-01-01"},
    ],
)
def test_no_records_match(oai, library, params):
    for verb in ("ListRecords", "ListIdentifiers"):
        assert error_code(oai({"verb": verb, "metadataPrefix": "oai_dc", **params})) == (
            "noRecordsMatch"
        )


def test_no_records_match_on_an_empty_repository(oai, db):
    assert error_code(oai(RECORDS)) == "noRecordsMatch"


def test_sets_and_formats_are_always_there(oai, library):
    """noSetHierarchy and noMetadataFormats never apply: the repository has
    sets, and every record, deleted ones too, is offered in oai_dc."""
    assert error_code(oai({"verb": "ListSets"})) is None
    library["paper"].unpublish()
    for page in library.values():
        root = oai({"verb": "ListMetadataFormats", "identifier": identifier(page)})
        assert error_code(root) is None
