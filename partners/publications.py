"""What a partner has published, and its exchanges.

Publications are the live pages in the partner's own section plus any page
that names the partner in a many-to-many link to PartnerPage (for example a
knowledge-base page's ``partners``). Those links are found from
``PartnerPage._meta.related_objects``, so new ones count without code here.

Both are read in few queries whatever the number of pages: the links are
subqueries of one statement, view restrictions are applied in SQL
(core/visibility.py), and the publications are plain pages with their
summaries added in one more query (core/cards.py), for their cards.
"""

from django.db.models import Q
from wagtail.models import Page

from core.cards import card_pages
from core.visibility import public


def _linking_relations():
    from partners.models import ExchangePage, PartnerPage

    for relation in PartnerPage._meta.related_objects:
        model = relation.related_model
        if (
            relation.many_to_many
            and issubclass(model, Page)
            and not issubclass(model, ExchangePage)
        ):
            yield model, relation.field.name


def publications_of(partner, limit: int = 12):
    """The newest live, public pages of the partner (in its locale)."""
    wanted = Q(path__startswith=partner.path, depth__gt=partner.depth)
    for model, field_name in _linking_relations():
        linked = model.objects.filter(
            locale_id=partner.locale_id,
            **{f"{field_name}__translation_key": partner.translation_key},
        ).values("pk")
        wanted |= Q(pk__in=linked)
    pages = public(Page.objects.live().filter(wanted))
    # The partner's own logo is read with the cards' pictures.
    return card_pages(pages.order_by("-first_published_at", "pk")[:limit], also=[partner])


def exchanges_of(partner):
    from partners.models import ExchangePage

    exchanges = ExchangePage.objects.live().filter(
        locale_id=partner.locale_id, partners__translation_key=partner.translation_key
    )
    return list(public(exchanges).distinct().prefetch_related("partners").order_by("-date", "-pk"))
