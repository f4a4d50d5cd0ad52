from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FeedSource


class FeedSourceViewSet(SnippetViewSet):
    model = FeedSource
    icon = "rss"
    menu_order = 900
    add_to_admin_menu = False
    list_display = ["name", "url", "active", "last_success_at", "last_error"]
    list_filter = ["active"]


register_snippet(FeedSourceViewSet)
