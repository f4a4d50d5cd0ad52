"""Template tags of the home app: the footer links every page shows."""

from django import template
from django.utils.translation import get_language

from core import chrome
from home.models import FooterLink

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer links of the active language (Admin → Snippets → Footer
    links), as (text, href) pairs; links to pages that are not live are left out."""
    request = context.get("request")
    language = get_language()

    def compute():
        rows = FooterLink.objects.filter(locale__language_code=language).select_related("page")
        links = []
        for link in rows:
            if link.page_id:
                if not link.page.live:
                    continue
                href = link.page.get_url(request)
            else:
                href = link.url
            if href:
                links.append((link.text, href))
        return links

    if request is None:
        return compute()
    return chrome.remembered(request, f"footer:{language}", compute)
