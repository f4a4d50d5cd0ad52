"""Which pages an admin user may see in listings that are not Wagtail's
explorer: the page chooser, the bulk-action confirmations and the
translation status report.

The rule is one for all three: a page the user may edit (Wagtail's page
permissions: "change" on the page or an ancestor, or "add" there and owning
the page) or a live page. Other pages (another section's drafts) behave as
if they did not exist. The root is never hidden: it has no content.

Wagtail's chooser and bulk actions list any page by ID; the chooser views
and bulk actions below are Wagtail's with this filter (``chooser_urls`` is
included before Wagtail's admin URLs, the bulk actions are registered after
Wagtail's in ``core/wagtail_hooks.py``).
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.utils.urlpatterns import decorate_urlpatterns

# Wagtail's page IDs are positive 32-bit integers on every database we run.
MAX_PAGE_ID = 2**31 - 1


def visible_pages(pages, user):
    """``pages`` narrowed to those ``user`` may edit, live ones and the root.

    Editing follows Wagtail's page permissions, written as filters on tree
    paths (no subquery, so search backends other than the database can
    apply them too)."""
    if user.is_active and user.is_superuser:
        return pages
    visible = Q(live=True) | Q(depth=1)
    for permission in PagePermissionPolicy().get_cached_permissions_for_user(user):
        subtree = Q(path__startswith=permission.page.path)
        if permission.permission.codename == "change_page":
            visible |= subtree
        elif permission.permission.codename == "add_page":
            visible |= subtree & Q(owner=user)
    return pages.filter(visible)


def may_see(page, user) -> bool:
    return page.depth == 1 or page.live or page.permissions_for_user(user).can_edit()


def page_ids(values) -> list[int]:
    """The well-formed page IDs among request values; the rest are dropped."""
    ids = []
    for value in values:
        text = str(value)
        if text.isascii() and text.isdecimal() and len(text) <= 10 and int(text) <= MAX_PAGE_ID:
            ids.append(int(text))
    return ids


def choose_only_visible(pages, request):
    """``construct_page_chooser_queryset``: browsing and searching list only
    pages the user may see."""
    return visible_pages(pages, request.user)


class BrowseView(chooser.BrowseView):
    """Wagtail's chooser, refusing to open a page the user may not see (it
    would show that page's title as the listing's parent)."""

    def get_object_list(self):
        if not may_see(self.parent_page, self.request.user):
            raise Http404
        return super().get_object_list()


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail's answer to a multiple choice, leaving out pages the user may
    not see (it returns each page's title)."""

    def get(self, request):
        chosen = Page.objects.filter(pk__in=page_ids(request.GET.getlist("id")))
        visible = visible_pages(chosen, request.user).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible])
        return super().get(request)


# Decorated as Wagtail decorates its admin URLs: admin users only, never cached.
chooser_urls = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("choose-page/", BrowseView.as_view()),
            path("choose-page/<int:parent_page_id>/", BrowseView.as_view()),
            path("choose-page/chosen-multiple/", ChosenMultipleView.as_view()),
        ],
        require_admin_access,
    ),
    never_cache,
)


class VisiblePagesOnly:
    """A page bulk action that takes only the pages the user may see: the
    confirmation lists every page it is given, with its title, including
    those the user may not act on."""

    def get_queryset(self, model, object_ids):
        # Wagtail's is a classmethod without the request; this one needs the
        # user. The IDs come from the request, or for "select all" from a
        # listing (IDs) or a search (pages).
        ids = page_ids(getattr(value, "pk", value) for value in object_ids)
        pages = model.objects.filter(pk__in=ids)
        return get_list_or_404(visible_pages(pages, self.request.user))

    def get_all_objects_in_listing_query(self, parent_id):
        # Wagtail looks the parent up with .get(): an unknown or malformed
        # childOf would answer 500. Only a page the user may see is a parent.
        if parent_id is not None:
            parents = Page.objects.filter(pk__in=page_ids([parent_id]))
            get_list_or_404(visible_pages(parents, self.request.user))
        return super().get_all_objects_in_listing_query(parent_id)


class VisibleDeleteBulkAction(VisiblePagesOnly, DeleteBulkAction):
    pass


class VisibleMoveBulkAction(VisiblePagesOnly, MoveBulkAction):
    pass


class VisiblePublishBulkAction(VisiblePagesOnly, PublishBulkAction):
    pass


class VisibleUnpublishBulkAction(VisiblePagesOnly, UnpublishBulkAction):
    pass


BULK_ACTIONS = [
    VisibleDeleteBulkAction,
    VisibleMoveBulkAction,
    VisiblePublishBulkAction,
    VisibleUnpublishBulkAction,
]
