"""Machine-readable descriptions of a policy paper: Highwire/Google Scholar
``citation_*`` meta tags and schema.org JSON-LD."""

import json

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.site_url import absolute_url
from knowledgebase import calendar

# The same escapes Django's json_script uses, so the JSON cannot close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def pdf_url(page, request) -> str:
    document = page.document
    return absolute_url(request, document.url) if document else ""


def citation_meta(page, request) -> list[tuple[str, str]]:
    rows = [("citation_title", page.title)]
    rows += [("citation_author", author.name) for author in page.authors.all()]
    rows.append(("citation_publication_date", page.date.strftime("%Y/%m/%d")))
    if page.publisher:
        rows.append(("citation_publisher", page.publisher))
        rows.append(("citation_technical_report_institution", page.publisher))
    if page.series_id:
        rows.append(("citation_series_title", page.series_name))
    if page.doi:
        rows.append(("citation_doi", page.doi))
    if page.isbn:
        rows.append(("citation_isbn", page.isbn))
    if page.document:
        rows.append(("citation_pdf_url", pdf_url(page, request)))
    rows.append(("citation_abstract_html_url", absolute_url(request, page.get_url(request))))
    rows.append(("citation_language", page.locale.language_code))
    return rows


def citation_meta_html(page, request) -> str:
    return format_html_join("\n", '<meta name="{}" content="{}">', citation_meta(page, request))


def json_ld(page, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle" if page.doi else "Report",
        "name": page.title,
        "headline": page.title[:110],
        "abstract": page.summary,
        "datePublished": page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "url": absolute_url(request, page.get_url(request)),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                **(
                    {"affiliation": {"@type": "Organization", "name": author.affiliation}}
                    if author.affiliation
                    else {}
                ),
            }
            for author in page.authors.all()
        ],
        "about": [theme.name for theme in page.themes.all()],
    }
    if page.publisher:
        data["publisher"] = {"@type": "Organization", "name": page.publisher}
    if page.series_id:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": page.series_name}
    identifiers = []
    if page.doi:
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi})
    if page.isbn:
        data["isbn"] = page.isbn
    if identifiers:
        data["identifier"] = identifiers
    if page.document:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": pdf_url(page, request),
            "encodingFormat": "application/pdf",
            **({"contentSize": str(page.document.file_size)} if page.document.file_size else {}),
        }
        if page.document.page_count:
            data["numberOfPages"] = page.document.page_count
    return data


def script_tag(data: dict, request) -> str:
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    # Browsers never run a data block, but with the CSP nonce it stays valid
    # under any script-src. (str(): the lazy nonce is falsy until first read.)
    nonce = getattr(request, "csp_nonce", None)
    attribute = format_html(' nonce="{}"', str(nonce)) if nonce is not None else ""
    return mark_safe(f'<script type="application/ld+json"{attribute}>{text}</script>')  # noqa: S308


def json_ld_html(page, request) -> str:
    return script_tag(json_ld(page, request), request)


_ATTENDANCE = {
    "onsite": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(page, request) -> dict:
    """schema.org ``Event``: when, where (a place, a virtual location or
    both) and who organises it."""
    url = absolute_url(request, page.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": page.locale.language_code,
        "startDate": calendar.event_start(page).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": _ATTENDANCE[page.event_format],
    }
    if page.start_time is None:
        data["endDate"] = (page.end_date or page.date).isoformat()
    elif calendar.event_end(page) is not None:
        data["endDate"] = calendar.event_end(page).isoformat()
    locations = []
    if page.event_format != "online":
        address = {"@type": "PostalAddress", "addressLocality": page.city}
        if page.country:
            address["addressCountry"] = page.country.code
        locations.append({"@type": "Place", "name": page.venue or page.city, "address": address})
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [
        {
            "@type": "Organization",
            "name": partner.title,
            "url": absolute_url(request, partner.url),
        }
        for partner in page.partners.all()
    ]
    data["organizer"] = organisers or {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute_url(request, "/"),
    }
    return data
