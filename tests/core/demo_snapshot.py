"""What the demo built, compactly: pages and translatable snippets per type
and locale, each English page's title in every language it is translated
into (its translation_key group), each snippet's name likewise, and the
number of translated strings per language."""

import json
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import StringTranslation

REFERENCE = Path(__file__).with_name("demo_reference.json")


def assert_same_as_reference(built: dict) -> None:
    """demo_reference.json was counted from load_demo before the demo text
    moved to data files: pages and snippets per type and locale, every
    translation group's titles, translated strings per language."""
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    for part in reference:
        assert built[part] == reference[part], part


def snapshot() -> dict:
    pages = defaultdict(lambda: defaultdict(int))
    groups = defaultdict(dict)
    paths = {}
    rows = Page.objects.filter(depth__gt=1).select_related("locale", "content_type")
    for page in rows.order_by("path"):
        code = page.locale.language_code
        pages[page.content_type.model_class()._meta.label][code] += 1
        groups[str(page.translation_key)][code] = page.title
        if code == "en":
            paths[str(page.translation_key)] = page.url_path.split("/", 2)[-1]
    translations = {paths.get(key, f"no English page: {key}"): g for key, g in groups.items()}
    snippets = defaultdict(lambda: defaultdict(int))
    names = {}
    for model in apps.get_models():
        if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
            continue
        by_key = defaultdict(dict)
        for item in model.objects.select_related("locale"):
            code = item.locale.language_code
            snippets[model._meta.label][code] += 1
            by_key[str(item.translation_key)][code] = str(item)
        if by_key:
            names[model._meta.label] = sorted(
                (dict(sorted(g.items())) for g in by_key.values()), key=lambda g: sorted(g.items())
            )
    strings = defaultdict(int)
    for code in StringTranslation.objects.values_list("locale__language_code", flat=True):
        strings[code] += 1
    return {
        "pages": {k: dict(sorted(v.items())) for k, v in sorted(pages.items())},
        "snippets": {k: dict(sorted(v.items())) for k, v in sorted(snippets.items())},
        "translated_strings": dict(sorted(strings.items())),
        "page_translations": dict(sorted(translations.items())),
        "snippet_translations": dict(sorted(names.items())),
    }
