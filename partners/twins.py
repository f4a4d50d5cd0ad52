"""Find a twin: partners in other countries that share a hub's sectors and
themes, or offer services it lacks, ranked, with the reason shown."""

from dataclasses import dataclass, field

SHARED_WEIGHT = 2
OFFER_WEIGHT = 1


@dataclass
class Suggestion:
    partner: object
    score: int
    shared: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)


def _terms(partner):
    return {
        "sectors": {t.slug: t.name for t in partner.sectors.all()},
        "themes": {t.slug: t.name for t in partner.themes.all()},
        "services": {t.slug: t.name for t in partner.services.all()},
    }


def suggest_twins(hub, limit: int = 5) -> list[Suggestion]:
    from partners.models import PartnerPage

    mine = _terms(hub)
    candidates = (
        PartnerPage.objects.live()
        .public()
        .filter(locale_id=hub.locale_id)
        .exclude(pk=hub.pk)
        .exclude(country=hub.country)
        .select_related("hubpage", "educationpartnerpage")
        .prefetch_related("sectors", "themes", "services")
    )
    suggestions = []
    for partner in candidates:
        theirs = _terms(partner)
        shared = [
            name
            for kind in ("sectors", "themes")
            for slug, name in theirs[kind].items()
            if slug in mine[kind]
        ]
        offers = [name for slug, name in theirs["services"].items() if slug not in mine["services"]]
        score = SHARED_WEIGHT * len(shared) + OFFER_WEIGHT * len(offers)
        if shared and score:
            suggestions.append(Suggestion(partner, score, sorted(shared), sorted(offers)))
    suggestions.sort(key=lambda s: (-s.score, s.partner.title))
    return suggestions[:limit]
