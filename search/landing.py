"""What the search page shows before a query, and the suggestions for the
search box. Page types take part by their fields, not by name, except the
'latest papers' list, which reads knowledgebase.PolicyPaperPage."""

from collections import Counter

from django.apps import apps
from django.db.models import Count, ManyToManyField
from wagtail.models import Page

from core.models import Theme
from core.visibility import public

from .facets import model_field
from .query import WORD

SUGGESTIONS = 8


def page_models():
    return [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]


def popular_themes(locale, limit: int = 8):
    """Themes of ``locale`` by the number of live pages that carry them: one
    query over every page type's themes (a UNION), one for the themes."""
    counter: Counter = Counter()
    parts = []
    for model in page_models():
        if not isinstance(model_field(model, "themes"), ManyToManyField):
            continue
        if model._meta.parents and any(
            isinstance(model_field(parent, "themes"), ManyToManyField)
            for parent in model._meta.parents
        ):
            continue  # counted through its parent's table
        parts.append(
            model.objects.live()
            .filter(locale=locale, themes__isnull=False)
            .values("themes")
            .annotate(n=Count("pk", distinct=True))
            .values_list("themes", "n")
            .order_by()
        )
    rows = parts[0].union(*parts[1:], all=True) if parts else []
    for theme, n in rows:
        counter[theme] += n
    if not counter:
        return []
    by_pk = {t.pk: t for t in Theme.objects.filter(pk__in=list(counter), locale=locale)}
    return [(by_pk[pk], n) for pk, n in counter.most_common(limit) if pk in by_pk]


def latest_papers(locale, limit: int = 5):
    from knowledgebase.models import PolicyPaperPage

    papers = public(PolicyPaperPage.objects.live()).filter(locale=locale)
    return list(papers.order_by("-date", "-pk")[:limit])


def skill_suggestions(text: str, language: str, limit: int = 5) -> list[str]:
    """Preferred ESCO skill labels in ``language`` that contain ``text``
    (case-folded, so that Greek and Polish match on SQLite too)."""
    from learning.models import SkillLabel

    rows = SkillLabel.objects.filter(language=language, search_text__contains=text.casefold())
    return list(
        rows.order_by("preferred_label")
        .values_list("preferred_label", flat=True)
        .distinct()[:limit]
    )


def suggest(text: str, locale, limit: int = SUGGESTIONS) -> dict:
    text = "".join(ch for ch in text if ch.isprintable() or ch == " ")
    text = " ".join(text.split())[:100]
    if len(text) < 2:
        return {"query": text, "titles": [], "skills": []}
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=2)  # no home page
    titles = []
    # Words only, as for a search: no backend query syntax can reach it.
    words = " ".join(WORD.findall(text)[:32])
    if words:
        found = pages.autocomplete(words, operator="and")[:limit]
        titles = [{"title": p.title, "url": p.url} for p in found]
    if len(titles) < limit:
        seen = {t["url"] for t in titles}
        for page in pages.filter(title__icontains=text).order_by("title")[:limit]:
            if page.url not in seen and len(titles) < limit:
                titles.append({"title": page.title, "url": page.url})
    return {
        "query": text,
        "titles": titles,
        "skills": skill_suggestions(text, locale.language_code),
    }
