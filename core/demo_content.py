"""The demo's English content: ``demo/content/<name>.yaml``, one file per
type of page or snippet, with named fields. Translations are in
``demo/locale`` (``core.demo_catalogue``)."""

import yaml

from core.demo_catalogue import DEMO_DIR


def read(name: str):
    with open(DEMO_DIR / "content" / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def taxonomy(entry: dict) -> dict:
    """The taxonomy fields that ``entry`` names (themes, sectors,
    audiences, as lists of slugs): ``{field: [English terms]}``."""
    from core.models import Audience, Sector, Theme

    models = {"themes": Theme, "sectors": Sector, "audiences": Audience}
    return {
        name: list(model.objects.filter(locale__language_code="en", slug__in=entry[name]))
        for name, model in models.items()
        if name in entry
    }
