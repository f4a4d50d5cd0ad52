"""'Did you mean': the closest words from the titles of the live, public
pages of one locale (cached), for queries with few results. Works the same
on every backend."""

import difflib
import re

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Page

from core.visibility import public

WORD = re.compile(r"[^\W\d_]{3,}")
CACHE_SECONDS = 600
MAX_WORDS = 50_000


def vocabulary(locale) -> frozenset[str]:
    rows = public(Page.objects.live()).filter(locale=locale, depth__gt=1)
    # The key changes whenever a page of the locale is published or removed.
    state = rows.aggregate(n=Count("pk"), last=Max("last_published_at"))
    last = state["last"].timestamp() if state["last"] else 0
    key = f"search:vocabulary:{locale.language_code}:{state['n']}:{last}"
    words = cache.get(key)
    if words is None:
        found = set()
        # One fetch, not .iterator(): its server-side cursor (WITH HOLD,
        # outside a transaction) cost as much again as the rows themselves.
        findall, lower = WORD.findall, str.lower
        for title in rows.values_list("title", flat=True):
            found.update(map(lower, findall(title)))
            if len(found) > MAX_WORDS:
                break
        words = frozenset(found)
        cache.set(key, words, CACHE_SECONDS)
    return words


def did_you_mean(terms: list[str], locale) -> str:
    words = vocabulary(locale)
    if not words:
        return ""
    corrected, changed = [], False
    for term in terms:
        lower = term.lower()
        if lower in words or len(lower) < 3:
            corrected.append(term)
            continue
        close = difflib.get_close_matches(lower, words, n=1, cutoff=0.75)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else ""
