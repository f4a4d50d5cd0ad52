"""RSS 2.0 and Atom feeds of a news index: live, public pages of its locale."""

import datetime

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _

FEED_SIZE = 30
GENERATORS = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def _as_datetime(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def feed_response(index_page, request, kind: str) -> HttpResponse:
    generator_class = GENERATORS[kind]
    language = index_page.locale.language_code
    feed_url = request.build_absolute_uri(
        index_page.url + index_page.reverse_subpage(f"feed_{kind}")
    )
    feed = generator_class(
        title=index_page.title,
        link=request.build_absolute_uri(index_page.get_url(request)),
        description=index_page.summary or _("News and events from the Creative FLIP network."),
        language=language,
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for item in index_page.feed_items():
        url = request.build_absolute_uri(item.get_url(request))
        feed.add_item(
            title=item.title,
            link=url,
            description=item.summary or "",
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=_as_datetime(item.date),
            updateddate=item.last_published_at or _as_datetime(item.date),
            categories=[item._meta.verbose_name],
        )
    response = HttpResponse(content_type=f"{feed.content_type}")
    feed.write(response, "utf-8")
    return response
