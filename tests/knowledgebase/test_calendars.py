"""Events in calendars: an iCalendar file per event and a feed per language,
read back with the icalendar package; schema.org Event JSON-LD; upcoming
events first in the news listing."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from knowledgebase.models import EventPage

from .conftest import make_event, make_news

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar) -> list:
    return list(calendar.walk("VEVENT"))


def test_timed_event_carries_its_time_zone(client, indexes):
    page = make_event(
        indexes["news"],
        "Pitch night",
        date=datetime.date(2026, 3, 4),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(21, 0),
        time_zone="Europe/Lisbon",
        venue="Fábrica",
        city="Lisbon",
        country="PT",
    )
    calendar = parse(client.get(page.url + "event.ics"))
    (event,) = events_of(calendar)
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2026, 3, 4, 18, 30, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert event["dtstart"].params["TZID"] == "Europe/Lisbon"
    assert event.decoded("dtend") - start == datetime.timedelta(hours=2, minutes=30)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Lisbon"]
    assert str(event["summary"]) == "Pitch night"
    assert str(event["location"]) == "Fábrica, Lisbon, Portugal"
    assert str(event["url"]) == "http://testserver" + page.url


def test_event_without_time_is_all_day_with_exclusive_end(client, indexes):
    page = make_event(indexes["news"], date=datetime.date(2026, 5, 1))
    page.end_date = datetime.date(2026, 5, 3)
    page.save_revision().publish()
    (event,) = events_of(parse(client.get(page.url + "event.ics")))
    assert event.decoded("dtstart") == datetime.date(2026, 5, 1)
    assert event.decoded("dtend") == datetime.date(2026, 5, 4)


def test_online_event_carries_its_link(client, indexes):
    page = make_event(
        indexes["news"],
        event_format="online",
        online_url="https://meet.example.org/flip",
        venue="",
        city="",
        country="",
        start_time=datetime.time(10, 0),
    )
    (event,) = events_of(parse(client.get(page.url + "event.ics")))
    assert str(event["conference"]) == "https://meet.example.org/flip"
    assert str(event["location"]) == "https://meet.example.org/flip"
    assert "https://meet.example.org/flip" in str(event["description"])
    assert "dtend" not in event  # no end time given: none invented


def test_language_feed_has_that_language_only_soonest_first(client, indexes, translate):
    later = make_event(indexes["news"], "Later", date=TODAY + datetime.timedelta(days=30))
    sooner = make_event(indexes["news"], "Sooner", date=TODAY + datetime.timedelta(days=3))
    make_event(indexes["news"], "Long ago", date=TODAY - datetime.timedelta(days=800))
    make_news(indexes["news"], "Not an event", date=TODAY)
    german_index = translate(indexes["news"], "de")
    translate(sooner, "de", {"Sooner": "Bald"})

    english = events_of(parse(client.get("/en/news/events.ics")))
    assert [str(e["summary"]) for e in english] == ["Sooner", "Later"]
    german = events_of(parse(client.get(german_index.url + "events.ics")))
    assert [str(e["summary"]) for e in german] == ["Bald"]
    uids = {str(e["uid"]) for e in english} | {str(e["uid"]) for e in german}
    assert len(uids) == 3
    assert later.url


def test_draft_and_private_events_stay_out_of_the_feed(client, indexes):
    from wagtail.models import PageViewRestriction

    make_event(indexes["news"], "Public", date=TODAY)
    hidden = make_event(indexes["news"], "Members only", date=TODAY)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = make_event(indexes["news"], "Draft", date=TODAY)
    draft.unpublish()
    titles = [str(e["summary"]) for e in events_of(parse(client.get("/en/news/events.ics")))]
    assert titles == ["Public"]


def test_pages_link_their_calendars(client, indexes):
    page = make_event(indexes["news"], date=TODAY + datetime.timedelta(days=1))
    html = client.get(page.url).content.decode()
    assert f'href="{page.url}event.ics"' in html
    index_html = client.get("/en/news/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in index_html
    assert 'href="/en/news/events.ics"' in index_html


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_event_json_ld(client, indexes, partner):
    page = make_event(
        indexes["news"],
        "Hybrid forum",
        date=datetime.date(2026, 6, 2),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
        time_zone="Europe/Rome",
        event_format="hybrid",
        online_url="https://stream.example.org/forum",
    )
    page.partners = [partner]
    page.save_revision().publish()
    data = json_ld(client.get(page.url).content.decode())
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-06-02T09:00:00+02:00"
    assert data["endDate"] == "2026-06-02T17:00:00+02:00"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["addressCountry"] == "IT"
    assert virtual == {"@type": "VirtualLocation", "url": "https://stream.example.org/forum"}
    assert data["organizer"][0]["name"] == "Officina Torino"


def test_listing_shows_upcoming_events_first_and_marks_past_ones(client, indexes):
    make_news(indexes["news"], "Fresh news", date=TODAY)
    make_event(indexes["news"], "Past", date=TODAY - datetime.timedelta(days=10))
    make_event(indexes["news"], "Far", date=TODAY + datetime.timedelta(days=60))
    make_event(indexes["news"], "Near", date=TODAY + datetime.timedelta(days=2))
    ongoing = make_event(indexes["news"], "Ongoing", date=TODAY - datetime.timedelta(days=1))
    ongoing.end_date = TODAY + datetime.timedelta(days=1)
    ongoing.save_revision().publish()
    response = client.get("/en/news/")
    titles = [item.title for item in response.context["items"]]
    assert titles == ["Ongoing", "Near", "Far", "Fresh news", "Past"]
    html = response.content.decode()
    assert html.count("Upcoming event") == 3
    assert html.count("Past event") == 1


def test_past_event_page_says_so(client, indexes):
    page = make_event(
        indexes["news"],
        date=TODAY - datetime.timedelta(days=3),
        registration_url="https://example.org/register",
    )
    html = client.get(page.url).content.decode()
    assert "This event has taken place." in html
    assert "https://example.org/register" not in html


def test_unknown_time_zone_is_a_form_error():
    page = EventPage(title="x", slug="x", date=TODAY, time_zone="Mars/Olympus")
    with pytest.raises(Exception) as raised:
        page.full_clean()
    assert "time_zone" in raised.value.message_dict


def test_restricted_event_file_needs_a_login(client, indexes, django_user_model):
    from django.contrib.auth.models import Permission
    from wagtail.models import PageViewRestriction

    hidden = make_event(indexes["news"], "Members only", date=TODAY)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    response = client.get(hidden.url + "event.ics")
    assert response.status_code == 302 and "login" in response["Location"]
    # A self-registered learner is not a network member (core/restrictions.py).
    client.force_login(django_user_model.objects.create_user("learner", password="x"))
    assert client.get(hidden.url + "event.ics").status_code == 403
    member = django_user_model.objects.create_user("member", password="x")
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member)
    assert parse(client.get(hidden.url + "event.ics"))
