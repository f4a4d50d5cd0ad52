"""Wagtail's read-only API v2 at /api/v2/ (pages, images, documents)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.document_access import publicly_used


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents an anonymous visitor may download (used by a live,
    public page), so that neither the listing nor ?search= reaches drafts'
    uploads or private pages' files."""

    def get_queryset(self):
        return publicly_used(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
