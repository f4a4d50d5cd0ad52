"""Demo step: the footer's pages (contact, imprint, privacy, accessibility
statement) and the footer links to them, in every language, from
``demo/content/footer.yaml``."""

from wagtail.models import Locale

from core.demo_content import read
from core.demo_tools import ensure_page
from home.models import ContentPage, FooterLink, HomePage


def load(context):
    pages = read("footer")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english, depth=2)
    for order, entry in enumerate(pages):
        page = ensure_page(
            home,
            ContentPage,
            entry["slug"],
            title=entry["title"],
            body=f"<p>{entry['body']}</p>",
            show_in_menus=False,
        )
        context.translate(page)
        link = FooterLink.objects.filter(locale=english, page=page).first()
        if link is None:
            link = FooterLink(locale=english, page=page)
        if link.sort_order != order or link.pk is None:
            link.sort_order = order
            link.save()
        context.translate(link)
    context.step(f"footer: {len(pages)} pages and links")
