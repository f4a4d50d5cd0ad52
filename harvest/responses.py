"""OAI-PMH response documents, built with ElementTree (never by pasting
strings), with every text and attribute value cleaned of characters that
XML 1.0 cannot carry."""

import re
import xml.etree.ElementTree as ET

from django.http import HttpResponse
from django.utils import timezone

from .records import Record, format_datestamp

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"

METADATA_FORMATS = {"oai_dc": (f"{OAI}oai_dc.xsd", OAI_DC)}

# Prefixes for serialising. OAI-PMH is the default namespace of every
# response; no other code here writes elements of these namespaces.
ET.register_namespace("", OAI)
ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)
ET.register_namespace("xsi", XSI)
ET.register_namespace("oai-identifier", OAI_IDENTIFIER)

# Everything outside XML 1.0's Char production (control characters, lone
# surrogates, U+FFFE/U+FFFF).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(value) -> str:
    return NOT_XML.sub("\ufffd", str(value))


def oai(tag: str) -> str:
    return f"{{{OAI}}}{tag}"


def add(parent, tag: str, text=None, attributes=None) -> ET.Element:
    element = ET.SubElement(
        parent, tag, {name: clean(value) for name, value in (attributes or {}).items()}
    )
    if text is not None:
        element.text = clean(text)
    return element


def document(base_url: str, request_attributes: dict) -> ET.Element:
    """The response's root element, with the responseDate and request echo."""
    root = ET.Element(oai("OAI-PMH"), {SCHEMA_LOCATION: f"{OAI} {OAI}OAI-PMH.xsd"})
    add(root, oai("responseDate"), format_datestamp(timezone.now()))
    add(root, oai("request"), base_url, request_attributes)
    return root


def render(root: ET.Element) -> HttpResponse:
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def header(parent, record: Record) -> None:
    attributes = {"status": "deleted"} if record.deleted else {}
    element = add(parent, oai("header"), attributes=attributes)
    add(element, oai("identifier"), record.identifier)
    add(element, oai("datestamp"), format_datestamp(record.datestamp))
    for spec in record.set_specs:
        add(element, oai("setSpec"), spec)


def record(parent, record: Record) -> None:
    element = add(parent, oai("record"))
    header(element, record)
    if record.deleted:
        return
    schema, namespace = METADATA_FORMATS["oai_dc"]
    dc = add(
        add(element, oai("metadata")),
        f"{{{OAI_DC}}}dc",
        attributes={SCHEMA_LOCATION: f"{OAI_DC} {schema}"},
    )
    for name, value, language in record.metadata:
        if value:
            add(dc, f"{{{DC}}}{name}", value, {XML_LANG: language} if language else None)


def oai_identifier(parent, repository_identifier: str, sample: str) -> None:
    """Identify's description of the identifier scheme (oai-identifier.xsd)."""
    description = add(parent, oai("description"))
    scheme = add(
        description,
        f"{{{OAI_IDENTIFIER}}}oai-identifier",
        attributes={SCHEMA_LOCATION: f"{OAI_IDENTIFIER} {OAI_IDENTIFIER}.xsd"},
    )
    add(scheme, f"{{{OAI_IDENTIFIER}}}scheme", "oai")
    add(scheme, f"{{{OAI_IDENTIFIER}}}repositoryIdentifier", repository_identifier)
    add(scheme, f"{{{OAI_IDENTIFIER}}}delimiter", ":")
    add(scheme, f"{{{OAI_IDENTIFIER}}}sampleIdentifier", sample)
