"""What a partner has published, and its exchanges.

Publications are the live pages in the partner's own section plus any page
that names the partner in a many-to-many link to PartnerPage (for example a
knowledge-base page's ``partners``). Those links are found from
``PartnerPage._meta.related_objects``, so new ones count without code here.
"""

from wagtail.models import Page


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
    ids = set(partner.get_descendants().live().public().values_list("pk", flat=True))
    for model, field_name in _linking_relations():
        ids.update(
            model.objects.live()
            .public()
            .filter(
                locale_id=partner.locale_id,
                **{f"{field_name}__translation_key": partner.translation_key},
            )
            .values_list("pk", flat=True)
        )
    if not ids:
        return []
    return list(
        Page.objects.filter(pk__in=ids)
        .live()
        .public()
        .specific()
        .order_by("-first_published_at", "pk")[:limit]
    )


def exchanges_of(partner):
    from partners.models import ExchangePage

    return list(
        ExchangePage.objects.live()
        .public()
        .filter(locale_id=partner.locale_id, partners__translation_key=partner.translation_key)
        .distinct()
        .prefetch_related("partners")
        .order_by("-date")
    )
