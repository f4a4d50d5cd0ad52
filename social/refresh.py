"""Read the fetched feeds into posts. A source that fails keeps its old
posts; its problem is kept on the source for the admin to show."""

import calendar
import datetime
import re
import xml.sax

import feedparser
import nh3
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .fetch import FetchError, fetch
from .models import FeedSource, SocialPost

KEEP_PER_SOURCE = 20
ALLOWED_TAGS = {"p", "br", "a", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "span"}


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow noopener noreferrer",
    )


def _when(entry) -> datetime.datetime:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
    return timezone.now()


def _title(entry) -> str:
    title = strip_tags(entry.get("title") or "").strip()
    if not title:  # Mastodon's posts have no title: the start of the text.
        text = re.sub(r"\s+", " ", strip_tags(entry.get("summary") or "")).strip()
        title = Truncator(text).chars(120)
    return title[:300]


def parse(data: bytes) -> list[dict]:
    feed = feedparser.parse(data)
    # A feed that is not well-formed XML (cut off, or HTML) is refused whole;
    # lesser warnings (an encoding declared wrongly) are not.
    broken = feed.bozo and isinstance(feed.get("bozo_exception"), xml.sax.SAXException)
    if broken or not feed.version:
        raise FetchError(_("This is not a readable RSS or Atom feed."))
    posts = []
    for entry in feed.entries[:KEEP_PER_SOURCE]:
        link = entry.get("link") or ""
        if not link.startswith(("http://", "https://")):
            continue
        posts.append(
            {
                "guid": (entry.get("id") or link)[:500],
                "title": _title(entry),
                "link": link[:1000],
                "text_html": clean_html(entry.get("summary") or ""),
                "published_at": _when(entry),
            }
        )
    return posts


def refresh_source(source: FeedSource) -> int:
    """Fetch one source; returns how many posts it now offers. Raises
    nothing: a failure is written to the source, in the site's default
    language (whatever language the calling thread had active)."""
    source.last_checked_at = timezone.now()
    try:
        with translation.override(settings.LANGUAGE_CODE):
            posts = parse(fetch(source.url))
    except FetchError as error:
        source.last_error = str(error)
        source.save(update_fields=["last_checked_at", "last_error"])
        return 0
    with transaction.atomic():
        for post in posts:
            SocialPost.objects.update_or_create(source=source, guid=post["guid"], defaults=post)
        keep = source.posts.order_by("-published_at", "-pk").values_list("pk", flat=True)
        source.posts.exclude(pk__in=list(keep[:KEEP_PER_SOURCE])).delete()
        source.last_success_at = source.last_checked_at
        source.last_error = ""
        source.save(update_fields=["last_checked_at", "last_success_at", "last_error"])
    return len(posts)


def latest_posts(limit: int | None = None):
    limit = limit or settings.SOCIAL_FEED_POSTS_SHOWN
    return list(
        SocialPost.objects.filter(source__active=True)
        .select_related("source")
        .order_by("-published_at", "-pk")[:limit]
    )
