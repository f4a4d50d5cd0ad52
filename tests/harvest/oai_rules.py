"""A checker for OAI-PMH 2.0 responses: the elements each verb requires, in
the order OAI-PMH.xsd and oai_dc.xsd give them, and the value formats of
datestamps, setSpecs and error codes. (The schemas themselves cannot be
fetched here; these rules are written from the protocol's text.)"""

import re
import xml.etree.ElementTree as ET

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"o": OAI, "oai_dc": OAI_DC, "dc": DC}

DATESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SET_SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
ERROR_CODES = {
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noRecordsMatch",
    "noMetadataFormats",
    "noSetHierarchy",
}
DC_ELEMENTS = {
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
}
ARGUMENTS = {"identifier", "metadataPrefix", "from", "until", "set", "resumptionToken"}

# Children of each element, as a pattern over their local names.
CONTENT = {
    "OAI-PMH": r"responseDate request ((error )+|(Identify|ListMetadataFormats|ListSets|"
    r"ListIdentifiers|ListRecords|GetRecord) )",
    "Identify": r"repositoryName baseURL protocolVersion (adminEmail )+earliestDatestamp "
    r"deletedRecord granularity (compression )*(description )*",
    "ListMetadataFormats": r"(metadataFormat )+",
    "metadataFormat": r"metadataPrefix schema metadataNamespace ",
    "ListSets": r"(set )+(resumptionToken )?",
    "set": r"setSpec setName (setDescription )*",
    "ListIdentifiers": r"(header )+(resumptionToken )?|resumptionToken ",
    "ListRecords": r"(record )+(resumptionToken )?|resumptionToken ",
    "GetRecord": r"record ",
    "record": r"header (metadata )?(about )*",
    "header": r"identifier datestamp (setSpec )*",
}


def local(element) -> str:
    return element.tag.rpartition("}")[2]


def check(element) -> None:
    """Check ``element`` and everything in it; fails with the first breach."""
    assert element.tag.startswith(f"{{{OAI}}}"), element.tag
    name = local(element)
    if name in CONTENT:
        names = "".join(f"{local(child)} " for child in element)
        assert all(child.tag.startswith(f"{{{OAI}}}") for child in element), name
        assert re.fullmatch(CONTENT[name], names), f"{name} holds {names!r}"
    getattr(CHECKS, name.replace("-", "_"), lambda element: None)(element)
    # Containers of other schemas' XML are checked by their owner's rules.
    if name not in ("metadata", "description", "about", "setDescription"):
        for child in element:
            check(child)


class CHECKS:
    @staticmethod
    def OAI_PMH(element):
        assert DATESTAMP.match(element.find("o:responseDate", NS).text)
        request = element.find("o:request", NS)
        assert request.text.startswith(("http://", "https://"))
        errors = element.findall("o:error", NS)
        if any(e.get("code") in ("badVerb", "badArgument") for e in errors):
            assert request.attrib == {}, "no request attributes after badVerb/badArgument"
        else:
            assert set(request.attrib) <= ARGUMENTS | {"verb"}
        if not errors:
            assert local(element[2]) == request.get("verb")

    @staticmethod
    def error(element):
        assert element.get("code") in ERROR_CODES
        assert element.text

    @staticmethod
    def Identify(element):
        assert element.find("o:protocolVersion", NS).text == "2.0"
        assert element.find("o:deletedRecord", NS).text in ("no", "transient", "persistent")
        granularity = element.find("o:granularity", NS).text
        assert granularity in ("YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ")
        assert DATESTAMP.match(element.find("o:earliestDatestamp", NS).text)

    @staticmethod
    def header(element):
        assert element.get("status") in (None, "deleted")
        assert element.find("o:identifier", NS).text.startswith("oai:")
        assert DATESTAMP.match(element.find("o:datestamp", NS).text)
        for spec in element.findall("o:setSpec", NS):
            assert SET_SPEC.match(spec.text), spec.text

    @staticmethod
    def setSpec(element):
        assert SET_SPEC.match(element.text), element.text

    @staticmethod
    def record(element):
        deleted = element.find("o:header", NS).get("status") == "deleted"
        metadata = element.find("o:metadata", NS)
        assert (metadata is None) == deleted, "metadata if and only if not deleted"
        if metadata is not None:
            assert len(metadata) == 1
            dc = metadata[0]
            assert dc.tag == f"{{{OAI_DC}}}dc"
            for child in dc:
                assert child.tag.startswith(f"{{{DC}}}") and local(child) in DC_ELEMENTS
                assert child.text and child.text.strip()

    @staticmethod
    def resumptionToken(element):
        size, cursor = element.get("completeListSize"), element.get("cursor")
        assert size is None or size.isdecimal()
        assert cursor is None or cursor.isdecimal()


def parse(content: bytes) -> ET.Element:
    """Parse and check a response body."""
    root = ET.fromstring(content)  # noqa: S314 (our own response)
    assert root.tag == f"{{{OAI}}}OAI-PMH"
    check(root)
    return root
