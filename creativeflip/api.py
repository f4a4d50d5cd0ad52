"""Wagtail's read-only API v2 at /api/v2/ (pages, images, documents).

Wagtail's own endpoints answer some malformed query strings with a 500: an
offset beyond the database's integer range, an unknown search operator, a
NUL byte (PostgreSQL refuses it), ``fields`` nested deeper than Python's
recursion limit, a date filter that is not a date. Ours check the query
string first and answer 400 with a message, as Wagtail does for the
mistakes it knows about.
"""

from django.core.exceptions import ValidationError
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.document_access import publicly_used
from core.numbers import user_int

# Far beyond any listing, and small enough that offset + limit stays a
# 64-bit integer in SQL.
MAX_OFFSET = 1_000_000_000
# Ids of pages, images or documents; "root" is Wagtail's name for the
# site's root page.
ID_PARAMETERS = ("id", "child_of", "ancestor_of", "descendant_of", "translation_of")
SEARCH_OPERATORS = ("and", "or")
MAX_SEARCH = 200
MAX_FIELDS = 500
MAX_FIELDS_DEPTH = 5


def fields_depth(value: str) -> int:
    depth = deepest = 0
    for char in value:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def check_query(query) -> None:
    """Raise BadRequestError (a 400 with the message) for the parameters
    Wagtail would not handle."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError("query parameters cannot contain null characters")
    for name in ("offset", "limit"):
        if name in query and user_int(query[name], MAX_OFFSET) is None:
            raise BadRequestError(f"{name} must be a whole number up to {MAX_OFFSET}")
    for name in ID_PARAMETERS:
        if name in query and query[name] != "root" and user_int(query[name]) is None:
            raise BadRequestError(f"{name} must be the id of an object")
    if query.get("search_operator", "and") not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    if len(query.get("search", "")) > MAX_SEARCH:
        raise BadRequestError(f"search cannot be longer than {MAX_SEARCH} characters")
    fields = query.get("fields", "")
    if len(fields) > MAX_FIELDS or fields_depth(fields) > MAX_FIELDS_DEPTH:
        raise BadRequestError(
            f"fields cannot be longer than {MAX_FIELDS} characters or nest deeper than "
            f"{MAX_FIELDS_DEPTH} levels"
        )


class CheckedQueryMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query(request.GET)

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except ValidationError as error:  # e.g. ?date=tomorrow on a type with a date
            raise BadRequestError(f"field filter error: {' '.join(error.messages)}") from error


class PagesEndpoint(CheckedQueryMixin, PagesAPIViewSet):
    pass


class ImagesEndpoint(CheckedQueryMixin, ImagesAPIViewSet):
    pass


class DocumentsEndpoint(CheckedQueryMixin, DocumentsAPIViewSet):
    """Only documents an anonymous visitor may download (used by a live,
    public page), so that neither the listing nor ?search= reaches drafts'
    uploads or private pages' files."""

    def get_queryset(self):
        return publicly_used(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
