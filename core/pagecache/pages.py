"""Wagtail's page serving marks its responses as cacheable (the
``before_serve_page`` hook, registered in core/wagtail_hooks.py)."""

from core.pagecache.middleware import cacheable, refuse
from core.pagecache.rules import page_tags


def mark_page(page, request, serve_args, serve_kwargs):
    """Live pages, without a database query. A page under a view restriction
    never answers an anonymous visitor without a session with its content:
    each kind of restriction (password, sign-in, groups) needs a session to
    pass, and such requests are never cached; the password form carries a
    CSRF token and the sign-in redirect is not a 200, so neither is stored."""
    if getattr(request, "is_preview", False) or not page.live:
        refuse(request)
        return None
    cacheable(request, page_tags(page))
    return None
