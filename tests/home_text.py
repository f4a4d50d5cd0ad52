"""The home page's English strings and their translations, from the demo's
data (``demo/content/home.yaml`` and the PO catalogues)."""

from core.demo_catalogue import table
from core.demo_content import read


def home_text() -> dict[str, dict[str, str]]:
    text = read("home")
    return table(
        text["title"], text["hero_title"], text["hero_text"], text["hero_link_text"], *text["intro"]
    )
