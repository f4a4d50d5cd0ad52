"""Admin registration of the translation tools: the status report (Reports
menu), PO export/import (page header and listing buttons) and the taxonomy
snippets (whose choosers and listings show and filter by locale)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import restrictions
from core.localization import choosers, drafts, relations, views
from core.models import Audience, Sector, Theme

# Importing these connects the receivers that keep draft translations off the
# live site and point synchronised taxonomy links at the page's locale, and the
# form-field override that labels pickers with their locale.
assert drafts.keep_live_row_on_draft
assert relations.localize_page_relations
assert choosers.LocaleLabelledMultipleChoiceField


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path("translation-status/", views.status_report, name="cf_translation_status"),
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

# "Logged-in users only" admits network members, not self-registered learners.
hooks.register("before_serve_page", restrictions.check_page)
hooks.register("before_serve_document", restrictions.check_document)
