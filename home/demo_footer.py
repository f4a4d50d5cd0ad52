"""Demo step: the footer's pages (contact, imprint, privacy, accessibility
statement) and the footer links to them, in every language, from
``demo_data/footer.yaml``."""

from pathlib import Path

import yaml
from wagtail.models import Locale

from core.demo_tools import ensure_page
from home.models import ContentPage, FooterLink, HomePage

DATA = Path(__file__).parent / "demo_data" / "footer.yaml"


def load(context):
    pages = yaml.safe_load(DATA.read_text(encoding="utf-8"))["pages"]
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english, depth=2)
    for order, entry in enumerate(pages):
        body = f"<p>{entry['body']['en']}</p>"
        page = ensure_page(
            home,
            ContentPage,
            entry["slug"],
            title=entry["title"]["en"],
            body=body,
            show_in_menus=False,
        )
        table = {
            entry["title"]["en"]: {k: v for k, v in entry["title"].items() if k != "en"},
            entry["body"]["en"]: {k: v for k, v in entry["body"].items() if k != "en"},
        }
        context.translate(page, table)
        link = FooterLink.objects.filter(locale=english, page=page).first()
        if link is None:
            link = FooterLink(locale=english, page=page)
        if link.sort_order != order or link.pk is None:
            link.sort_order = order
            link.save()
        context.translate(link, {})
    context.step(f"footer: {len(pages)} pages and links")
