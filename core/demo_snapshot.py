"""What the demo built, in numbers and titles: pages per type and locale,
the titles of each locale's pages, translation sources and translations,
revisions and log entries per page type, snippets per locale.

Used to show that a faster ``load_demo`` builds the same site:

    python -m core.demo_snapshot > before.json   # (DATABASE_URL=...)
    python -m core.demo_snapshot > after.json
    diff before.json after.json

Revision counts are reported but may differ between runs that build the
same pages (a faster load writes fewer intermediate revisions).
"""

import json
from collections import Counter


def snapshot() -> dict:
    from django.apps import apps
    from wagtail.models import Page, Revision, TranslatableMixin
    from wagtail_localize.models import Translation, TranslationSource

    pages = Page.objects.filter(depth__gte=2).select_related("locale", "content_type")
    by_type = Counter()
    titles: dict[str, list[str]] = {}
    live = Counter()
    for page in pages:
        key = f"{page.content_type.app_label}.{page.content_type.model}:{page.locale.language_code}"
        by_type[key] += 1
        live[page.locale.language_code] += page.live
        titles.setdefault(page.locale.language_code, []).append(f"{page.url_path} {page.title}")
    snippets = Counter()
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            for code in model.objects.values_list("locale__language_code", flat=True):
                snippets[f"{model._meta.label_lower}:{code}"] += 1
    translations = Counter(
        Translation.objects.values_list("target_locale__language_code", flat=True)
    )
    return {
        "pages": dict(sorted(by_type.items())),
        "live": dict(sorted(live.items())),
        "titles": {code: sorted(t) for code, t in sorted(titles.items())},
        "snippets": dict(sorted(snippets.items())),
        "translation_sources": TranslationSource.objects.count(),
        "translations": dict(sorted(translations.items())),
        "pages_without_revision": pages.filter(live_revision__isnull=True).count(),
        "revisions": Revision.objects.count(),
    }


if __name__ == "__main__":  # pragma: no cover
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.dev")
    django.setup()
    print(json.dumps(snapshot(), indent=1, ensure_ascii=False, sort_keys=True))
