"""Demo step: the home page in English (``demo/content/home.yaml``),
translated into the six other languages through wagtail-localize so that
the translations stay linked."""

from wagtail.models import Locale, Page, Site

from core.demo_content import read
from core.demo_tools import ensure_page
from home.models import HomePage


def ensure_home(**fields) -> HomePage:
    """The English home page, made the site's root. Replaces Wagtail's
    placeholder "Welcome" page on a fresh database."""
    text = read("home")
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    # Wagtail's placeholder page (and the site pointing at it), if still there.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    current = HomePage.objects.filter(locale=english, depth=2).first()
    home = ensure_page(
        root,
        HomePage,
        current.slug if current else "home",
        locale=english,
        title=text["title"],
        hero_title=text["hero_title"],
        hero_text=text["hero_text"],
        hero_link_text=text["hero_link_text"],
        intro="".join(f"<p>{paragraph}</p>" for paragraph in text["intro"]),
        **fields,
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = text["title"]
    site.save()
    return home


def load(context):
    home = ensure_home()
    context.step(f"home page: {home.title}")
    context.translate(home)
