"""Which models go through wagtail-localize: every concrete page type,
translatable model and snippet of the project's apps, except those an app
keeps out on purpose (``not_translated`` on its ``AppConfig``: label ->
reason). The status report lists these models; the rules each must follow
are checked by ``tests/i18n/test_completeness.py``.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models


def label(model) -> str:
    return model._meta.label_lower


def project_apps() -> list:
    """The app configs whose code lives in this repository (not in a virtual
    environment that may sit inside it, as make install's .venv does)."""
    root = Path(settings.BASE_DIR)
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(root) and "site-packages" not in Path(config.path).parts
    ]


def not_translated() -> dict[str, str]:
    """Models kept out of wagtail-localize, with the reason, as their apps
    declare them."""
    found = {}
    for config in project_apps():
        found.update(getattr(config, "not_translated", {}))
    return found


def project_models():
    """Concrete page types, translatable models and snippets of the project's
    apps, in a stable order."""
    snippets = set(get_snippet_models())
    found = []
    for config in project_apps():
        for model in config.get_models():
            if model._meta.abstract or model._meta.proxy:
                continue
            if issubclass(model, Page | TranslatableMixin) or model in snippets:
                found.append(model)
    return sorted(found, key=label)


def translatable_models():
    """The project models that go through wagtail-localize."""
    skipped = not_translated()
    return [m for m in project_models() if label(m) not in skipped]
