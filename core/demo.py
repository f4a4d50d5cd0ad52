"""Demo step: the taxonomy in every language (English is seeded by
migration; the translations are in the demo's PO catalogues)."""

from core.models import Audience, Sector, Theme


def load(context):
    count = 0
    for model in (Theme, Sector, Audience):
        for term in model.objects.filter(locale__language_code="en"):
            context.translate(term)
            count += 1
    context.step(f"{count} taxonomy terms in 7 languages")
