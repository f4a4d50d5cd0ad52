"""Admin registration of the translation tools: the status report (Reports
menu), PO export/import (page header and listing buttons) and the taxonomy
snippets (whose choosers and listings show and filter by locale). Documents:
downloads follow the privacy of the pages that use them, and the admin
listing shows each document's text extraction status."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.documents.views import documents as document_views
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.wagtail_hooks import require_wagtail_login

from core import document_access, page_visibility, restrictions
from core.localization import views
from core.localization.report import StatusReportView
from core.models import Audience, Sector, SiteDocument, Theme
from core.pagecache import pages as pagecache_pages


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path("translation-status/", StatusReportView.as_view(), name="cf_translation_status"),
        path(
            "translation-status/results/",
            StatusReportView.as_view(results_only=True),
            name="cf_translation_status_results",
        ),
        path(
            "translation-po/<int:page_id>/export/", views.po_export, name="cf_translation_po_export"
        ),
        path(
            "translation-po/<int:page_id>/import/", views.po_import, name="cf_translation_po_import"
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("cf_translation_status"), icon_name="site", order=700
    )


def po_buttons(page, user, *args, **kwargs):
    if page.depth > 1 and user.has_perm(views.PERMISSION):
        yield Button(
            _("Translation files (PO)"),
            reverse("cf_translation_po_import", args=[page.pk]),
            priority=70,
            icon_name="upload",
        )


hooks.register("register_page_header_buttons", po_buttons)
hooks.register("register_page_listing_more_buttons", po_buttons)

# The page chooser and the page bulk actions list only pages the user may see
# (core/page_visibility.py). The bulk actions replace Wagtail's own, which are
# registered with the default order 0.
hooks.register("construct_page_chooser_queryset", page_visibility.choose_only_visible)
for bulk_action in page_visibility.BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "tag"


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (ThemeViewSet, SectorViewSet, AudienceViewSet)


register_snippet(TaxonomyGroup)


# -- documents ------------------------------------------------------------------


# Order 10: after Wagtail's own collection check (order 0), whose password
# form is the more useful answer when both refuse.
@hooks.register("before_serve_document", order=10)
def serve_documents_like_their_pages(document, request):
    if document_access.may_download(document, request):
        return None
    if request.user.is_authenticated:
        raise PermissionDenied
    response = require_wagtail_login(next=request.get_full_path())
    add_never_cache_headers(response)
    return response


class DocumentIndexView(document_views.IndexView):
    """Wagtail's document listing with a "Text" column: extracting…, done,
    or failed and why."""

    @cached_property
    def columns(self):
        columns = super().columns
        column = Column("extraction", label=_("Text"), accessor=SiteDocument.extraction_label)
        columns.insert(len(columns) - 1, column)
        return columns


# Order -1: these paths must come before Wagtail's own "documents/" include,
# which the reverse() of "wagtaildocs:index" keeps pointing at.
@hooks.register("register_admin_urls", order=-1)
def document_listing_urls():
    return [
        path("documents/", DocumentIndexView.as_view(), name="cf_documents_index"),
        path(
            "documents/results/",
            DocumentIndexView.as_view(results_only=True),
            name="cf_documents_index_results",
        ),
    ]


# "Logged-in users only" admits network members, not self-registered learners.
hooks.register("before_serve_page", restrictions.check_page)
hooks.register("before_serve_document", restrictions.check_document)

# The page cache: public pages are cached for anonymous visitors (core/pagecache).
hooks.register("before_serve_page", pagecache_pages.mark_page)
