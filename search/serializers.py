"""The JSON shape of a search (documented in docs/search.md)."""

from .facets import FACETS


def result_to_json(result, request) -> dict:
    page = result.page
    snippet = result.snippet
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "type": page.specific_class._meta.label_lower,
        "type_label": result.type_label,
        "date": result.date.isoformat() if result.date else None,
        "partners": result.partners,
        "snippet_html": str(snippet.html),
        "in_document": snippet.source == "document",
        "document_page": snippet.document_page,
        "promoted": result.promoted,
    }


def outcome_to_json(outcome, request) -> dict:
    params = outcome.params
    return {
        "query": params.q,
        "sort": params.sort,
        "filters": params.filters,
        "page": outcome.page,
        "num_pages": outcome.num_pages,
        "total": outcome.total,
        "promoted": [result_to_json(r, request) for r in outcome.promoted],
        "results": [result_to_json(r, request) for r in outcome.results],
        "facets": {facet: outcome.facets.get(facet, []) for facet in FACETS},
        "facet_more": {facet: getattr(outcome.facets.get(facet), "more", 0) for facet in FACETS},
        "did_you_mean": outcome.suggestion or None,
        "fuzzy": outcome.fuzzy,
        "messages": [str(m) for m in params.messages],
    }
