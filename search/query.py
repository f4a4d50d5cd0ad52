"""The one query layer behind the search page, the suggest endpoint and the
JSON API.

``run_search(params, locale)`` finds the matches among the live, public
pages of ``locale`` through the configured Wagtail backend (no page type is
named): every match where the backend can list them (PostgreSQL), else its
best ``MAX_HITS``. It counts facets and the total over them in SQL
(``facet_counts``), has the backend rank one page of results among the pages
that satisfy the selected facets (or orders them by date), then builds
snippets and highlights for that page only.
"""

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import DatabaseError, connection
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core import visibility
from core.cards import load_pictures
from core.templatetags.picture_tags import CARD_RENDITIONS

from . import facet_counts
from . import facets as facet_tools
from .backends import few_matches, searching_locale
from .highlight import Snippet, build_snippet, markers_to_html
from .models import PageCard
from .promotions import promoted_pages
from .spelling import did_you_mean

logger = logging.getLogger("search")

MAX_QUERY_LENGTH = 200
MAX_PAGE = 50
PAGE_SIZE = 10
MAX_HITS = 1000
MAX_FILTER_VALUES = 20
MAX_FACET_OPTIONS = 12
FEW_RESULTS = 3
# Up to this many matches, they are ranked in one query (see backends/postgres.py).
ONE_QUERY_MAX = 300
SORTS = ("relevance", "date")
WORD = re.compile(r"[^\W_]+")


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    messages: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        return WORD.findall(self.q)[:32]


def parse_params(data) -> SearchParams:
    """Read ``q``, facets, ``sort`` and ``page`` from a QueryDict; never
    raises: bad values are dropped with a message."""
    params = SearchParams()
    raw = data.get("q", "") or ""
    raw = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
    raw = " ".join(raw.split())
    if len(raw) > MAX_QUERY_LENGTH:
        params.messages.append(
            _("Your search was shortened to %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
        )
        raw = raw[:MAX_QUERY_LENGTH]
    params.q = raw
    for facet in facet_tools.FACETS:
        values = []
        for value in data.getlist(facet)[:MAX_FILTER_VALUES]:
            value = (value or "").strip()[:64]
            if value and value.isprintable() and value not in values:
                values.append(value)
        if values:
            params.filters[facet] = values
    sort = data.get("sort", "relevance")
    params.sort = sort if sort in SORTS else "relevance"
    try:
        page = int(data.get("page", "1"))
    except (TypeError, ValueError):
        page = 1
    if page > MAX_PAGE:
        params.messages.append(
            _("Only the first %(n)d pages of results are shown.") % {"n": MAX_PAGE}
        )
    params.page = min(max(page, 1), MAX_PAGE)
    return params


@dataclass
class Result:
    page: Page
    type_label: str
    date: object
    partners: list[str]
    snippet: Snippet
    promoted: bool = False
    image: object = None  # the card's picture, renditions loaded


@dataclass
class Outcome:
    params: SearchParams
    results: list[Result] = field(default_factory=list)
    promoted: list[Result] = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 0
    facets: dict[str, list[dict]] = field(default_factory=dict)
    suggestion: str = ""
    fuzzy: bool = False


def base_queryset(locale, in_sql: bool = False):
    """The live, public pages of ``locale``, less the home pages (depth 2,
    the roots of the locales' trees): a home page is never a result.

    ``in_sql``: the queryset only ever becomes SQL (the project's
    PostgreSQL backend counts and ranks in SQL), so restricted sections are
    left out in the same statement (``core.visibility``). Wagtail's
    ``public()`` reads the restrictions first, a query of its own; a search
    engine's backend, which cannot translate the other, keeps it."""
    pages = Page.objects.live().filter(locale=locale, depth__gt=2)
    return visibility.public(pages) if in_sql else pages.public()


def backend_search(queryset, text: str, fuzzy: bool = False):
    """Wagtail's search over ``queryset``, best first (lazy: slice it): pages
    with their id only, as the callers want the ids (a specific, deferred
    page of each type cost more to make than the ranking query took)."""
    backend = get_search_backend()
    query = text
    if fuzzy:
        from wagtail.search.query import Fuzzy

        query = Fuzzy(text)
    return backend.search(query, queryset.only("pk"), operator="and")


def _search_ids(queryset, text: str, fuzzy: bool = False) -> list[int]:
    return [page.pk for page in backend_search(queryset, text, fuzzy)[:MAX_HITS]]


def supports_fuzzy() -> bool:
    backend = get_search_backend()
    name = type(backend).__module__
    if "elasticsearch" in name or "opensearch" in name:
        return True
    return connection.vendor == "postgresql" and "postgres" in name


@dataclass
class Matches:
    """What a query matched: ``pages``, a queryset of every match (when the
    backend can list them unranked), or ``ranked``, the ids of the best
    ``MAX_HITS`` matches, best first."""

    pages: object = None
    ranked: list[int] | None = None
    fuzzy: bool = False
    scope: object = None  # the pages searched: the locale's, less promoted ones
    in_index: bool = False  # the index rows of ``pages`` keep their facets
    counted: facet_counts.Counted | None = None

    @property
    def empty(self) -> bool:
        return self.pages is None and not self.ranked

    def as_set(self):
        return self.pages if self.pages is not None else list(self.ranked or [])


def find_matches(params: SearchParams, locale, exclude=()) -> Matches:
    text = " ".join(params.terms)
    backend = get_search_backend()
    in_sql = hasattr(backend, "matching")
    queryset = base_queryset(locale, in_sql).exclude(pk__in=list(exclude))
    in_index = hasattr(backend, "write_index_row_facets")
    if not text:
        # Browsing by filters alone: every page of the locale.
        if not params.filters:
            return Matches()
        return Matches(pages=queryset, scope=queryset, in_index=in_index)
    try:
        if in_sql:
            with searching_locale(locale.pk):
                pages = backend.matching(queryset, text)
                # Counting the facets tells whether anything matched.
                counted = facet_counts.count(pages, params.filters, in_index)
                if counted.found:
                    return Matches(pages=pages, scope=queryset, in_index=in_index, counted=counted)
        else:
            ranked = _search_ids(queryset, text)
            if ranked:
                return Matches(ranked=ranked, scope=queryset)
    except DatabaseError:
        logger.exception("search failed for %r", text)
        params.messages.append(_("The search could not be run. Try other words."))
        return Matches()
    if not supports_fuzzy():
        return Matches()
    # Through the backend's own search, which checks every filter: public().
    queryset = base_queryset(locale).exclude(pk__in=list(exclude))
    try:
        ranked = _search_ids(queryset, text, fuzzy=True)
        return Matches(ranked=ranked, fuzzy=True, scope=queryset)
    except (DatabaseError, NotImplementedError):
        logger.exception("fuzzy search failed for %r", text)
        return Matches()


def window_ids(params: SearchParams, locale, matches: Matches, start: int, stop: int):
    """The ids of one page of results, in the order asked for: ranked by
    the backend over the narrowed pages, or newest first."""
    filters = params.filters
    if matches.ranked is not None:
        ranked = matches.ranked
        if filters:
            narrowed = facet_counts.narrowed(Page.objects.filter(pk__in=ranked), filters)
            allowed = set(narrowed.values_list("pk", flat=True))
            ranked = [pk for pk in ranked if pk in allowed]
        if params.sort != "date":
            return ranked[start:stop]
        pages = Page.objects.filter(pk__in=ranked)
    elif params.sort == "date" or not params.terms:
        pages = facet_counts.narrowed(matches.pages, filters)
    else:
        queryset = facet_counts.narrowed(matches.scope, filters)
        few = matches.counted is not None and matches.counted.found <= ONE_QUERY_MAX
        text = " ".join(params.terms)
        backend = get_search_backend()
        with searching_locale(locale.pk), few_matches(few):
            if hasattr(backend, "ranked_ids"):
                return backend.ranked_ids(queryset, text, start, stop)
            return [page.pk for page in backend_search(queryset, text)[start:stop]]
    return list(facet_counts.newest_first(pages).values_list("pk", flat=True)[start:stop])


def to_result(page, facts, terms, partner_titles, promoted=False) -> Result:
    card = card_of(page)
    return Result(
        page=page,
        type_label=str(page.specific_class._meta.verbose_name),
        date=facts.date if facts else None,
        partners=[
            partner_titles[pk]
            for pk in (facts.partners if facts else ())
            if pk in partner_titles and pk != page.pk
        ],
        snippet=build_snippet(terms, card.text, card.document),
        promoted=promoted,
        image=card.image,
    )


def card_of(page):
    """The page's stored search card; a page not indexed yet (no card) gets
    one made from the page itself (``load_pages`` loaded it as its type)."""
    card = getattr(page, "search_card", None)
    if card is None:
        card = getattr(page, "_made_card", None)
    return card or PageCard(page_id=page.pk)


RESULT_PAGE_FIELDS = ("title", "url_path", "content_type_id", "locale_id", "translation_key")


def load_pages(ids: list[int]) -> list[Page]:
    """The pages of ``ids``, in that order, each with its search card (its
    text and document) and the card's picture with its renditions: two
    queries whatever the page types. Pages that have no card yet (indexed
    before cards existed; ``update_index`` writes them) are loaded as their
    own type and get a card made on the spot."""
    pages = Page.objects.filter(pk__in=ids).select_related("search_card__document")
    # What a result shows and links to (its URL needs url_path only); the
    # other thirty-odd columns of each page cost more to load than to find.
    pages = list(
        pages.only(
            *RESULT_PAGE_FIELDS,
            "search_card__text",
            "search_card__image_id",
            "search_card__document",
        )
    )
    cards = [getattr(page, "search_card", None) for page in pages]
    missing = [page for page, card in zip(pages, cards, strict=True) if card is None]
    if missing:
        cards += made_cards(missing)
    cards = [card for card in cards if card is not None]
    pictures = load_pictures((card.image_id for card in cards), CARD_RENDITIONS)
    for card in cards:
        card.image = pictures.get(card.image_id)
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def made_cards(pages) -> list[PageCard]:
    from .facet_rows import card_for

    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific()
    specific = {page.pk: page for page in specific}
    made = []
    for page in pages:
        card = card_for(specific[page.pk]) if page.pk in specific else None
        if card is not None:
            card.document = getattr(specific[page.pk], "document", None)
            page._made_card = card
            made.append(card)
    return made


def shown_values(counts, selected) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Per facet, the values offered: the ``MAX_FACET_OPTIONS`` most frequent
    (for the year, the newest) and every selected one; and how many more
    values each facet has. Labels are then looked up for these only, so a
    broad search over thousands of partners reads a dozen titles."""
    shown, more = {}, {}
    for facet in facet_tools.FACETS:
        counter = counts[facet]
        if facet == "year":
            order = sorted(counter, reverse=True)
        else:
            order = sorted(counter, key=lambda value: (-counter[value], value))
        chosen = selected.get(facet, [])
        top = order[:MAX_FACET_OPTIONS]
        shown[facet] = top + [value for value in chosen if value not in top]
        more[facet] = len(set(order) - set(shown[facet]))
    return shown, more


class Options(list):
    """A facet's options (dicts); ``more`` is how many values it has beyond
    them."""

    more = 0


def build_facets(counts, selected, locale, offered, partner_titles=None) -> dict[str, Options]:
    """The options of each facet: ``offered`` is what ``shown_values``
    returns. Theme and sector labels come from one query; partner labels
    from ``partner_titles`` ({id: title}) when given."""
    out = {}
    shown, more = offered
    terms = facet_tools.term_labels(
        {facet: set(shown[facet]) for facet in ("theme", "sector")}, locale
    )
    for facet in facet_tools.FACETS:
        counter = counts[facet]
        values = shown[facet]
        if facet in terms:
            names = terms[facet]
        elif facet == "partner" and partner_titles is not None:
            ids = {value: facet_tools.small_int(value) for value in values}
            names = {v: partner_titles[pk] for v, pk in ids.items() if pk in partner_titles}
        else:
            names = facet_tools.labels(facet, values, locale)
        options = Options(
            {
                "value": value,
                "label": names[value],
                "count": counter.get(value, 0),
                "selected": value in selected.get(facet, []),
            }
            for value in values
            if value in names
        )
        options.more = more[facet]
        if facet == "year":
            options.sort(key=lambda o: o["value"], reverse=True)
        else:
            options.sort(key=lambda o: (-o["count"], o["label"].lower()))
        out[facet] = options
    return out


def engine_highlights(results: list[Result], terms: list[str], locale) -> None:
    """Where the backend has its own highlighter (Elasticsearch, OpenSearch),
    its fragment replaces a snippet taken from the page's own text."""
    backend = get_search_backend()
    if not results or not terms or not hasattr(backend, "highlight"):
        return
    try:
        fragments = backend.highlight(
            [r.page.pk for r in results], " ".join(terms), locale.language_code
        )
    except Exception:
        logger.exception("engine highlighting failed")
        return
    for result in results:
        fragment = fragments.get(result.page.pk)
        if fragment and result.snippet.source == "page":
            result.snippet = Snippet(markers_to_html(fragment))


def run_search(params: SearchParams, locale) -> Outcome:
    outcome = Outcome(params)
    promoted = promoted_pages(params.q, locale) if params.q and params.page == 1 else []
    matches = find_matches(params, locale, exclude=[page.pk for page in promoted])
    outcome.fuzzy = matches.fuzzy

    counted = matches.counted
    if counted is None and not matches.empty:
        counted = facet_counts.count(matches.as_set(), params.filters, matches.in_index)
    counts = counted.counts if counted else {facet: Counter() for facet in facet_tools.FACETS}
    outcome.total = counted.total if counted else 0
    outcome.num_pages = min(MAX_PAGE, (outcome.total + PAGE_SIZE - 1) // PAGE_SIZE)
    outcome.page = min(params.page, max(outcome.num_pages, 1))
    start = (outcome.page - 1) * PAGE_SIZE
    ids = window_ids(params, locale, matches, start, start + PAGE_SIZE) if outcome.total else []

    # The results and the promoted pages, with their cards, in one step.
    by_id = {page.pk: page for page in load_pages(ids + [page.pk for page in promoted])}
    pages = [by_id[pk] for pk in ids if pk in by_id]
    promoted = [by_id[page.pk] for page in promoted if page.pk in by_id]
    # The results' dates and partners, and the titles of their partners
    # and of the partner facet's, in one query.
    shown, more = shown_values(counts, params.filters)
    facet_partners = {facet_tools.small_int(value) for value in shown["partner"]} - {None}
    facts, partner_titles = facet_counts.facts_and_partners(
        ids + [p.pk for p in promoted], facet_partners
    )
    outcome.results = [
        to_result(page, facts.get(page.pk), params.terms, partner_titles) for page in pages
    ]
    engine_highlights(outcome.results, params.terms, locale)
    outcome.promoted = [
        to_result(p, facts.get(p.pk), params.terms, partner_titles, promoted=True) for p in promoted
    ]
    outcome.facets = build_facets(counts, params.filters, locale, (shown, more), partner_titles)
    few = params.terms and outcome.total + len(outcome.promoted) < FEW_RESULTS
    if few and (not params.filters or words_match_few(matches, len(outcome.promoted))):
        outcome.suggestion = did_you_mean(params.terms, locale)
    return outcome


def words_match_few(matches: Matches, promoted: int) -> bool:
    """Whether the words alone, without the filters, find fewer than
    ``FEW_RESULTS`` pages: a spelling suggestion is for the words, not for
    filters that leave nothing."""
    if matches.ranked is not None:
        found = len(matches.ranked)
    elif matches.counted is not None:  # PostgreSQL: every match counted
        found = matches.counted.found
    else:
        found = 0
    return found + promoted < FEW_RESULTS
