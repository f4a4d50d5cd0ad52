"""The demo's English content: ``demo/content/<name>.yaml``, one file per
type of page or snippet, with named fields. Translations are in
``demo/locale`` (``core.demo_catalogue``)."""

import yaml

from core.demo_catalogue import DEMO_DIR


def read(name: str):
    with open(DEMO_DIR / "content" / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)
