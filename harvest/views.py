"""``/oai/``: the OAI-PMH 2.0 endpoint (GET or POST, six verbs, oai_dc).

Every answer, errors included, is an OAI-PMH document with HTTP 200; the
protocol's error codes say what was wrong with a request.
"""

import datetime
import re
import xml.etree.ElementTree as ET

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from core.site_url import absolute_url

from . import responses, tokens
from .records import Repository
from .responses import oai

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
# The two granularities, with exactly these digits (strptime alone takes
# "2025-1-1" and any Unicode digit).
DATESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$", re.ASCII)
DATESTAMP_FORMATS = (
    ("%Y-%m-%d", datetime.timedelta(days=1)),
    ("%Y-%m-%dT%H:%M:%SZ", datetime.timedelta(seconds=1)),
)

# For each verb: (required arguments, optional arguments); resumptionToken
# is "exclusive": the only argument besides the verb when it is given.
ARGUMENTS = {
    "Identify": ((), ()),
    "ListMetadataFormats": ((), ("identifier",)),
    "ListSets": ((), ("resumptionToken",)),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set", "resumptionToken")),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set", "resumptionToken")),
    "GetRecord": (("identifier", "metadataPrefix"), ()),
}

# oai-identifier.xsd's repositoryIdentifier: a domain name with a dot.
REPOSITORY_IDENTIFIER = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def page_size() -> int:
    return max(1, getattr(settings, "OAI_PAGE_SIZE", 100))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No Wagtail site.")
    repository = Repository(request, site)
    base_url = absolute_url(request, request.path)
    params = request.POST if request.method == "POST" else request.GET
    verb, arguments = None, {}
    try:
        verb, arguments = parse(params)
        answer = VERBS[verb](repository, verb, arguments, base_url)
    except OAIError as error:
        # The request is echoed only when its verb and arguments were legal.
        legal = error.code not in ("badVerb", "badArgument")
        root = responses.document(base_url, {"verb": verb, **arguments} if legal else {})
        responses.add(root, oai("error"), error.message, {"code": error.code})
        return responses.render(root)
    root = responses.document(base_url, {"verb": verb, **arguments})
    root.append(answer)
    return responses.render(root)


def parse(params) -> tuple[str, dict]:
    verbs = params.getlist("verb")
    if not verbs:
        raise OAIError("badVerb", _("The verb argument is missing."))
    if len(verbs) > 1:
        raise OAIError("badVerb", _("The verb argument may be given only once."))
    verb = verbs[0]
    if verb not in ARGUMENTS:
        raise OAIError("badVerb", _("Unknown verb: %(verb)s") % {"verb": verb})
    required, optional = ARGUMENTS[verb]
    arguments = {}
    for name, values in params.lists():
        if name == "verb":
            continue
        if name not in required + optional:
            raise OAIError(
                "badArgument",
                _("Unknown argument for %(verb)s: %(name)s") % {"verb": verb, "name": name},
            )
        if len(values) > 1:
            raise OAIError(
                "badArgument", _("The argument %(name)s may be given only once.") % {"name": name}
            )
        arguments[name] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OAIError(
                "badArgument", _("resumptionToken must be the only argument besides verb.")
            )
    else:
        for name in required:
            if name not in arguments:
                raise OAIError("badArgument", _("Missing argument: %(name)s") % {"name": name})
    return verb, arguments


def parse_datestamp(name: str, value: str) -> tuple[datetime.datetime, datetime.timedelta]:
    """The moment ``value`` starts, and its granularity (a day or a second)."""
    if DATESTAMP.match(value):
        for pattern, step in DATESTAMP_FORMATS:
            try:
                parsed = datetime.datetime.strptime(value, pattern)
            except ValueError:
                continue
            return parsed.replace(tzinfo=datetime.UTC), step
    raise OAIError(
        "badArgument",
        _("%(name)s is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDThh:mm:ssZ).") % {"name": name},
    )


def date_range(arguments) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """``from`` and ``until`` as [start, end): ``until`` takes in the whole
    day or second it names, as the datestamps shown are cut to the second."""
    start = end = None
    if "from" in arguments:
        start, start_step = parse_datestamp("from", arguments["from"])
    if "until" in arguments:
        until, end_step = parse_datestamp("until", arguments["until"])
        if start is not None:
            if start_step != end_step:
                raise OAIError("badArgument", _("from and until must have the same granularity."))
            if start > until:
                raise OAIError("badArgument", _("from must not be later than until."))
        try:
            end = until + end_step
        except OverflowError:  # until the end of the year 9999
            end = None
    return start, end


def check_prefix(prefix: str) -> None:
    if prefix not in responses.METADATA_FORMATS:
        raise OAIError(
            "cannotDisseminateFormat", _("Only the oai_dc metadata format is available.")
        )


def unknown_identifier(identifier: str) -> OAIError:
    message = _("No record has the identifier %(identifier)s.") % {"identifier": identifier}
    return OAIError("idDoesNotExist", message)


# -- the verbs -------------------------------------------------------------------


def identify(repository, verb, arguments, base_url):
    answer = ET.Element(oai(verb))
    responses.add(answer, oai("repositoryName"), repository.name)
    responses.add(answer, oai("baseURL"), base_url)
    responses.add(answer, oai("protocolVersion"), "2.0")
    emails = getattr(settings, "OAI_ADMIN_EMAILS", None) or [settings.DEFAULT_FROM_EMAIL]
    for email in emails:
        responses.add(answer, oai("adminEmail"), email)
    earliest = repository.earliest_datestamp()
    responses.add(answer, oai("earliestDatestamp"), responses.format_datestamp(earliest))
    # Tombstones are kept, but withdrawals made outside Wagtail's actions (a
    # site's host renamed, rows changed by hand) are not seen: "transient".
    responses.add(answer, oai("deletedRecord"), "transient")
    responses.add(answer, oai("granularity"), GRANULARITY)
    if REPOSITORY_IDENTIFIER.match(repository.namespace):
        sample = f"{repository.prefix}5f0c3e54-3f5e-4bb2-9a4e-0d5c8b1c2a10/en"
        responses.oai_identifier(answer, repository.namespace, sample)
    return answer


def list_metadata_formats(repository, verb, arguments, base_url):
    identifier = arguments.get("identifier")
    if identifier is not None and repository.find(identifier) is None:
        raise unknown_identifier(identifier)
    answer = ET.Element(oai(verb))
    for prefix, (schema, namespace) in responses.METADATA_FORMATS.items():
        element = responses.add(answer, oai("metadataFormat"))
        responses.add(element, oai("metadataPrefix"), prefix)
        responses.add(element, oai("schema"), schema)
        responses.add(element, oai("metadataNamespace"), namespace)
    return answer


def list_sets(repository, verb, arguments, base_url):
    if "resumptionToken" in arguments:
        # Every set fits in one answer: no token was ever given out.
        raise OAIError("badResumptionToken", _("The resumption token is not valid."))
    answer = ET.Element(oai(verb))
    for spec, name in repository.sets():
        element = responses.add(answer, oai("set"))
        responses.add(element, oai("setSpec"), spec)
        responses.add(element, oai("setName"), name)
    return answer


def get_record(repository, verb, arguments, base_url):
    check_prefix(arguments["metadataPrefix"])
    found = repository.find(arguments["identifier"])
    if found is None:
        raise unknown_identifier(arguments["identifier"])
    answer = ET.Element(oai(verb))
    responses.record(answer, found)
    return answer


def list_records(repository, verb, arguments, base_url):
    """ListRecords and ListIdentifiers: one page of the list, and a token
    for the next while there is one."""
    if "resumptionToken" in arguments:
        state = tokens.load(arguments["resumptionToken"], verb)
        if state is None:
            raise OAIError("badResumptionToken", _("The resumption token is not valid."))
        query, after = state["args"], tuple(state["after"])
        cursor, size = state["cursor"], state["size"]
    else:
        query, after, cursor, size = arguments, ("page", 0), 0, None
    check_prefix(query["metadataPrefix"])
    start, end = date_range(query)
    pages, stones = repository.pages(), repository.tombstones()
    if start is not None:
        pages, stones = pages.filter(datestamp__gte=start), stones.filter(datestamp__gte=start)
    if end is not None:
        pages, stones = pages.filter(datestamp__lt=end), stones.filter(datestamp__lt=end)
    if "set" in query:
        in_pages, in_stones = repository.set_filters(query["set"])
        pages, stones = pages.filter(in_pages), stones.filter(in_stones)
    if size is None:
        size = pages.count() + stones.count()
        if not size:
            raise OAIError("noRecordsMatch", _("No records match the request."))

    rows, found_stones, after = batch(pages, stones, after, page_size())
    headers_only = verb == "ListIdentifiers"
    records = repository.records(rows, metadata=not headers_only)
    records += [repository.deleted(stone) for stone in found_stones]
    answer = ET.Element(oai(verb))
    write = responses.header if headers_only else responses.record
    for record in records:
        write(answer, record)
    delivered = cursor + len(records)
    if after is not None or cursor:
        # The list can change during a harvest: the last page tells the
        # exact count, the others never claim fewer than already seen.
        complete = max(size, delivered + 1) if after else delivered
        token = tokens.dump(verb, query, after, delivered, complete) if after else ""
        responses.add(
            answer,
            oai("resumptionToken"),
            token,
            {"completeListSize": complete, "cursor": cursor},
        )
    return answer


def batch(pages, stones, after, limit):
    """Up to ``limit`` records after position ``after``: page rows
    (id, datestamp), then tombstones, and the position to resume from (None
    at the end of the list)."""
    phase, last = after
    rows = []
    if phase == "page":
        rows = list(
            pages.filter(pk__gt=last).order_by("pk").values_list("pk", "datestamp")[: limit + 1]
        )
        if len(rows) > limit:
            return rows[:limit], [], ("page", rows[limit - 1][0])
        last = 0
    room = limit - len(rows)
    found = list(stones.filter(pk__gt=last).order_by("pk")[: room + 1])
    if len(found) <= room:
        return rows, found, None
    return rows, found[:room], ("tombstone", found[room - 1].pk if room else 0)


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": list_records,
    "ListRecords": list_records,
    "GetRecord": get_record,
}
