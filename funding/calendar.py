"""Deadlines as iCalendar (RFC 5545): one all-day event per deadline, for
one opportunity or for a whole result list."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event


def deadline_events(page, request) -> list[Event]:
    url = request.build_absolute_uri(page.get_url(request))
    events = []
    for day, label in page.deadline_rows():
        event = Event()
        key = f"{page.translation_key}-{page.locale.language_code}-{day.isoformat()}"
        event.add("uid", f"{key}@{request.get_host()}")
        summary = _("Deadline: %(title)s") % {"title": page.title}
        event.add("summary", f"{summary} ({label})" if label else summary)
        event.add("dtstamp", page.last_published_at or timezone.now())
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        description = [page.summary] if page.summary else []
        if page.dates_are_examples:
            description.append(
                _("The dates shown are examples: confirm them on the official page.")
            )
        description += [page.official_url, url]
        event.add("description", "\n\n".join(part for part in description if part))
        event.add("url", url)
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def calendar_response(pages, request, *, name: str, filename: str):
    calendar = Calendar()
    language = request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "en"
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//funding//{language}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    for page in pages:
        for event in deadline_events(page, request):
            calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(filename) or "deadlines"}.ics"'
    )
    return response
