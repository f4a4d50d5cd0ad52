"""Wagtail's page serving marks its responses as cacheable (the
``before_serve_page`` hook, registered in core/wagtail_hooks.py)."""

from core.pagecache.middleware import cacheable, refuse
from core.pagecache.rules import page_tags


def mark_page(page, request, serve_args, serve_kwargs):
    """Public, live pages only: a page under any view restriction (password,
    sign-in, groups) is never cached, nor is a preview."""
    if getattr(request, "is_preview", False) or not page.live:
        refuse(request)
        return None
    if page.get_view_restrictions().exists():
        refuse(request)
        return None
    cacheable(request, page_tags(page))
    return None
