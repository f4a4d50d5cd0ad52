"""The four listings: policy papers, guidelines, case stories, news."""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core import chrome
from core.models import BaseIndexPage
from core.visibility import public
from knowledgebase import calendar, feeds
from knowledgebase.listing import build_listing


class KnowledgeIndexPage(RoutablePageMixin, BaseIndexPage):
    """Shared rules of the four knowledge-base listings: every live page of
    the listed types in the active locale, wherever it sits in the tree
    (under this index or in a partner's section), filtered and paginated,
    with an RSS feed at ``feed/``."""

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    api_fields = ["summary", "intro"]
    listed_types: tuple[str, ...] = ()
    upcoming_first = False

    class Meta:
        abstract = True

    def listed_models(self):
        return [apps.get_model("knowledgebase", name) for name in self.listed_types]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page's own locale: the one it is served in (no query).
        listing = build_listing(
            request, self.locale_id, self.listed_models(), upcoming_first=self.upcoming_first
        )
        context.update(
            listing=listing,
            items=listing.items,
            filters=listing.filters,
            filter_form=listing.filters.form,
            filters_active=bool(listing.filters.values),
            feed_url=self.get_url(request) + self.reverse_subpage("feed"),
        )
        return context

    @staticmethod
    def with_status(response):
        """400 when the filter parameters are invalid (the page says why)."""
        form = (response.context_data or {}).get("filter_form")
        if form is not None and form.is_bound and not form.is_valid():
            response.status_code = 400
        return response

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.with_status(super().index_route(request, *args, **kwargs))

    @path("feed/", name="feed")
    def feed(self, request):
        return self.feed_response(request, "rss")

    def feed_response(self, request, kind: str):
        return feeds.feed_response(
            request,
            kind,
            title=self.title,
            link=self.get_url(request),
            description=self.summary,
            language=self.locale.language_code,
            items=self.feed_items(),
        )

    def feed_items(self, limit: int = feeds.FEED_SIZE):
        return feeds.newest(
            {
                model: public(model.objects.live()).filter(locale=self.locale).values("pk")
                for model in self.listed_models()
            },
            limit,
        )


class PolicyPaperIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.PolicyPaperPage"]
    listed_types = ("PolicyPaperPage",)

    class Meta:
        verbose_name = _("policy paper index")


class GuidelineIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.GuidelinePage"]
    listed_types = ("GuidelinePage",)

    class Meta:
        verbose_name = _("guideline index")


class CaseStoryIndexPage(KnowledgeIndexPage):
    subpage_types = ["knowledgebase.CaseStoryPage"]
    listed_types = ("CaseStoryPage",)

    class Meta:
        verbose_name = _("case story index")


def has_upcoming_events(locale) -> bool:
    """Whether any live event of ``locale`` has not ended yet (one query)."""
    from knowledgebase.models.news import EventPage

    today = timezone.localdate()
    not_ended = Q(end_date__gte=today) | Q(end_date__isnull=True, date__gte=today)
    return public(EventPage.objects.live()).filter(not_ended, locale=locale).exists()


class NewsIndexPage(KnowledgeIndexPage):
    """News and events by date, with RSS 2.0 and Atom feeds and an
    iCalendar feed of the events."""

    subpage_types = ["knowledgebase.NewsPage", "knowledgebase.EventPage"]
    listed_types = ("NewsPage", "EventPage")
    upcoming_first = True

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request)
        context["feed_rss_url"] = base + self.reverse_subpage("feed_rss")
        context["feed_atom_url"] = base + self.reverse_subpage("feed_atom")
        # Served without the sub-route's slash (knowledgebase/urls.py).
        context["events_ics_url"] = base + "events.ics"
        # Changes only when a page is published or moved, or a day passes.
        key = f"upcoming-events:{self.locale_id}:{timezone.localdate().isoformat()}"
        context["has_upcoming_events"] = chrome.remembered(
            request, key, lambda: has_upcoming_events(self.locale)
        )
        return context

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return self.feed_response(request, "rss")

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        return self.feed_response(request, "atom")

    @path("events.ics/", name="events_ics")
    def events_ics(self, request):
        return calendar.calendar_response(
            calendar.feed_events(self),
            request,
            name=f"{self.title} · {self.locale.get_display_name()}",
            language=self.locale.language_code,
            filename=f"events-{self.locale.language_code}",
        )
