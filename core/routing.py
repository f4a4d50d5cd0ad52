"""Page routing in two queries instead of two per level.

Wagtail routes ``/de/partners/hub/paper/`` one level at a time: each level
looks up the child by slug, then loads the child's specific row, so a page
four levels down costs eight queries before it renders. Every page's
``url_path`` already spells out its slugs, so ``route_from`` loads the whole
chain of pages named by the URL in one query and only the last one as its
specific type, then hands over to Wagtail's own ``route()`` at the last page.

It decides exactly as Wagtail does:

- a page whose type has its own ``route()`` (other than Wagtail's or the
  routable-page mixin's) gets the rest of the path, as Wagtail would pass it;
- a routable page (``RoutablePageMixin``) that is live and has a sub-route
  matching the rest of the path serves it, before any child with that slug;
- otherwise the child named by the next slug follows, live or not, and only
  the last page must be live (Wagtail's ``Page.route`` checks that).

Each row loaded says whether a view restriction sits on it or on the tree's
root (``view_restricted``), so an unrestricted page asks nothing more
(``BasePage.get_view_restrictions``).

Where the chain is not what the url paths promise (a page missing, url paths
out of step), Wagtail's own routing takes over from the last page found, so a
wrong answer is never cached in this shortcut; at most a 404 costs more.
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

PLAIN_ROUTES = {Page.route, RoutablePageMixin.route}


def _prefixes(url_path: str, components: list[str]) -> list[str]:
    return [url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)]


def _rows(condition):
    """Pages matching ``condition``, each with ``view_restricted``: whether
    a restriction is on that page or on the root (which no chain holds)."""
    restrictions = PageViewRestriction.objects.filter(Q(page=OuterRef("pk")) | Q(page__depth=1))
    return Page.objects.filter(condition).annotate(view_restricted=Exists(restrictions))


def route_from(start, request, components: list[str]):
    """Route ``components`` (path segments) below ``start``, a specific page
    whose own routing is Wagtail's plain one."""
    prefixes = _prefixes(start.url_path, components)
    chain = {
        page.url_path: page for page in _rows(Q(url_path__in=prefixes, path__startswith=start.path))
    }
    return _walk(start, request, components, prefixes, chain)


def route_below(home: dict, request, components: list[str]):
    """``route_from`` a home page not loaded yet, whose ``pk``, ``url_path``
    and ``path`` are known (``home``): its row comes in the same query as the
    chain below it. None when that row is not the page described (it moved,
    or is gone): the caller then loads the home page and routes from it."""
    prefixes = _prefixes(home["url_path"], components)
    rows = _rows(Q(url_path__in=prefixes, path__startswith=home["path"]) | Q(pk=home["pk"]))
    start, chain = None, {}
    for page in rows:
        if page.pk == home["pk"]:
            start = page
        else:
            chain[page.url_path] = page
    if start is None or not home["accept"](start):
        return None
    if start.url_path != home["url_path"] or start.path != home["path"]:
        return None
    return _walk(start, request, components, prefixes, chain)


def _walk(start, request, components, prefixes, chain):
    node = start
    for level in range(len(components)):
        remaining = components[level:]
        if node is not start:
            cls = node.specific_class
            if cls is None or cls.route not in PLAIN_ROUTES:
                return node.specific.route(request, remaining)
            if cls.route is RoutablePageMixin.route and node.live and _has_subroute(cls, remaining):
                return node.specific.route(request, remaining)
        child = chain.get(prefixes[level])
        if child is None or child.depth != node.depth + 1 or not child.path.startswith(node.path):
            # Not what the url paths promise: Wagtail's routing from here.
            if node is start:  # Wagtail's own routing of start (not ours again)
                return Page.route(start, request, remaining)
            return node.specific.route(request, remaining)
        child._cached_parent_obj = node
        node = child
    specific = _specific(node)
    specific._cached_parent_obj = node._cached_parent_obj
    if "view_restricted" in node.__dict__:
        specific.view_restricted = node.view_restricted
    return specific.route(request, [])


def _specific(page):
    """``page.specific``, with its locale (templates read its language) and
    the foreign keys its template reads (``detail_select``)."""
    cls = page.specific_class
    if cls is None or isinstance(page, cls):
        return page.specific
    joined = getattr(cls, "detail_select", ())
    return cls._default_manager.select_related("locale", *joined).get(pk=page.pk)


def _has_subroute(cls, components: list[str]) -> bool:
    try:
        cls.get_resolver().resolve("/" + "/".join(components) + "/")
    except Resolver404:
        return False
    return True


def routed_ancestors(page) -> list | None:
    """The pages above ``page`` that routing loaded (each ``_cached_parent_obj``,
    Wagtail's own memo of a page's parent), up to the page at depth 2; None
    when that chain is incomplete (the page came from somewhere else)."""
    found = []
    node = page
    while node.depth > 2:
        parent = node.__dict__.get("_cached_parent_obj")
        if parent is None or parent.depth != node.depth - 1:
            return None
        if not node.path.startswith(parent.path):
            return None
        found.append(parent)
        node = parent
    return found if node.depth == 2 else None
