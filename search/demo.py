"""Demo step: editors' promoted results for 'funding' in every language.

The promoted page is the newest English policy paper when the knowledge base
has one, else the English home page; visitors see it in their own language
(search resolves the translation). Idempotent."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from knowledgebase.models import PolicyPaperPage

QUERIES = {
    "en": "funding",
    "de": "finanzierung",
    "fr": "financement",
    "it": "finanziamento",
    "es": "financiación",
    "pl": "finansowanie",
    "el": "χρηματοδότηση",
}
DESCRIPTION = "Start here: how creative hubs fund their work."


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
    for query_string in QUERIES.values():
        query = Query.get(query_string)
        SearchPromotion.objects.update_or_create(
            query=query, sort_order=0, defaults={"page": target, "description": DESCRIPTION}
        )
    context.step(f"search promotions: {target.title} for {len(QUERIES)} queries")
