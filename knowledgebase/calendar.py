"""Events as iCalendar (RFC 5545): one file per event and a feed per
language that calendar apps subscribe to.

Timed events carry their own time zone (with its VTIMEZONE definition);
events without a start time are all-day events. Online events carry their
link as RFC 7986 ``CONFERENCE`` and in the description."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vUri

from core.site_url import absolute_url
from core.visibility import public

# How far back the subscription feed reaches; upcoming events are all in it.
FEED_DAYS_BACK = 365
FEED_SIZE = 500
REFRESH = datetime.timedelta(hours=12)


def event_zone(page) -> ZoneInfo:
    return ZoneInfo(page.time_zone or settings.TIME_ZONE)


def event_start(page):
    """A zone-aware datetime for a timed event, a date for an all-day one."""
    if page.start_time is None:
        return page.date
    return datetime.datetime.combine(page.date, page.start_time, tzinfo=event_zone(page))


def event_end(page):
    """The end, or None when the event gives no end time. All-day events end
    (exclusively) the day after their last day, as RFC 5545 counts them."""
    last_day = page.end_date or page.date
    if page.start_time is None:
        return last_day + datetime.timedelta(days=1)
    if page.end_time is None:
        return None
    end = datetime.datetime.combine(last_day, page.end_time, tzinfo=event_zone(page))
    return end if end > event_start(page) else None


def location_text(page) -> str:
    parts = [page.venue, page.city, page.country.name if page.country else ""]
    return ", ".join(part for part in parts if part)


def _vevent(page, request) -> Event:
    url = absolute_url(request, page.get_url(request))
    event = Event()
    event.add("uid", f"{page.translation_key}-{page.locale.language_code}@{request.get_host()}")
    event.add("summary", page.title)
    event.add("dtstamp", page.last_published_at or timezone.now())
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    event.add("dtstart", event_start(page))
    end = event_end(page)
    if end is not None:
        event.add("dtend", end)
    event.add("url", url)
    description = [page.summary] if page.summary else []
    if page.online_url:
        description.append(_("Join online: %(url)s") % {"url": page.online_url})
        event.add("conference", vUri(page.online_url), parameters={"VALUE": "URI"})
    description.append(url)
    event.add("description", "\n\n".join(description))
    where = location_text(page)
    if where:
        event.add("location", where)
    elif page.online_url:
        event.add("location", page.online_url)
    event.add("status", "CONFIRMED")
    return event


def _calendar(name: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//{language}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    return calendar


def calendar_response(events, request, *, name: str, language: str, filename: str):
    calendar = _calendar(name, language)
    for page in events:
        calendar.add_component(_vevent(page, request))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slugify(filename) or "events"}.ics"'
    return response


def event_response(page, request):
    return calendar_response(
        [page], request, name=page.title, language=page.locale.language_code, filename=page.slug
    )


def feed_events(index_page):
    """The events of the index's locale for the subscription feed: every
    upcoming one and those of the last year, soonest first."""
    from knowledgebase.models import EventPage

    since = timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BACK)
    return list(
        public(EventPage.objects.live())
        .filter(locale=index_page.locale)
        .filter(date__gte=since)
        .select_related("locale")
        .order_by("date", "start_time", "pk")[:FEED_SIZE]
    )
