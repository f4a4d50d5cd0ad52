"""Demo step: editors' promoted results for 'funding' in every language.

The promoted page is the newest English policy paper when the knowledge base
has one, else the English home page; visitors see it in their own language
(search resolves the translation). Idempotent."""

from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.demo_content import read
from knowledgebase.models import PolicyPaperPage


def queries() -> list[str]:
    """The promoted words (demo/content/search_promotions.yaml) of the
    configured languages."""
    words = read("search_promotions")["queries"]
    return [words[code] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code in words]


def promoted_target():
    found = (
        PolicyPaperPage.objects.live().filter(locale__language_code="en").order_by("-pk").first()
    )
    if found is not None:
        return found
    return Page.objects.live().filter(locale__language_code="en", depth=2).first()


def load(context):
    target = promoted_target()
    if target is None:
        context.step("search promotions: nothing to promote yet")
        return
    description = read("search_promotions")["description"]
    words = queries()
    for query_string in words:
        SearchPromotion.objects.update_or_create(
            query=Query.get(query_string),
            sort_order=0,
            defaults={"page": target, "description": description},
        )
    context.step(f"search promotions: {target.title} for {len(words)} queries")
