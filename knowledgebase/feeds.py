"""RSS 2.0 and Atom feeds of knowledge-base pages: live, public pages of one
locale, newest first.

- each listing: ``<index>/feed/`` (RSS); the news index also keeps
  ``feed/rss/`` and ``feed/atom/``;
- every type at once, filtered like the listings: ``/<lang>/feeds/?theme=
  finance`` (``sector``, ``audience``, ``country``, ``partner``, ``year``;
  a partner's page links ``?partner=<slug>``)."""

import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.site_roots import active_locale
from core.site_url import absolute_url
from knowledgebase.listing import ListingFilter

FEED_SIZE = 30
GENERATORS = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
ALL_TYPES = ("PolicyPaperPage", "GuidelinePage", "CaseStoryPage", "NewsPage", "EventPage")


def all_models():
    return [apps.get_model("knowledgebase", name) for name in ALL_TYPES]


def _as_datetime(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def newest(page_ids_by_model: dict, limit: int = FEED_SIZE) -> list:
    """The newest ``limit`` pages among ``{model: queryset of pk}``."""
    condition = Q()
    for subquery in page_ids_by_model.values():
        condition |= Q(pk__in=subquery)
    dates = [F(f"{model._meta.model_name}__date") for model in page_ids_by_model]
    sort_date = dates[0] if len(dates) == 1 else Coalesce(*dates)
    return list(
        Page.objects.filter(condition)
        .annotate(sort_date=sort_date)
        .order_by(F("sort_date").desc(nulls_last=True), "-pk")
        .specific()[:limit]
    )


def feed_response(request, kind: str, *, title, link, description, language, items):
    generator_class = GENERATORS[kind]
    feed_url = absolute_url(request, request.get_full_path())
    feed = generator_class(
        title=title,
        link=absolute_url(request, link),
        description=description or _("News and knowledge from the Creative FLIP network."),
        language=language,
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for item in items:
        url = absolute_url(request, item.get_url(request))
        feed.add_item(
            title=item.title,
            link=url,
            description=item.summary or "",
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=_as_datetime(item.date),
            updateddate=item.last_published_at or _as_datetime(item.date),
            categories=[str(item._meta.verbose_name)],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response


def filtered_feed(request):
    """``/<lang>/feeds/``: every knowledge-base type of the active language,
    filtered like the listings; ``?format=atom`` for Atom. Bad filters: 400."""
    query = request.GET.copy()
    kind = query.pop("format", ["rss"])[-1]
    locale = active_locale(request)
    filter_set = ListingFilter(query, locale=locale, page_models=all_models())
    if kind not in GENERATORS or not filter_set.is_valid():
        errors = "; ".join(f"{name}: {' '.join(e)}" for name, e in filter_set.errors.items())
        if kind not in GENERATORS:
            errors = _("format must be rss or atom")
        return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
    filters = filter_set.values
    form = filter_set.form
    chosen = [str(label) for name in filters for label in _labels(form, name, filters[name])]
    title = settings.WAGTAIL_SITE_NAME + (": " + ", ".join(chosen) if chosen else "")
    items = newest({model: filter_set.filter_model(model) for model in all_models()})
    home = Page.objects.filter(depth=2, locale=locale).first()
    return feed_response(
        request,
        kind,
        title=title,
        link=home.get_url(request) if home else "/",
        description=settings.SITE_DESCRIPTION,
        language=locale.language_code,
        items=items,
    )


def _labels(form, name, values):
    """The readable names of the chosen filter values, for the feed title."""
    if name == "year":
        return [values]
    choices = dict(form.fields[name].choices)
    return [choices.get(value, value) for value in values]
