"""Who may download a document: the pages that use it decide.

Wagtail's reference index (``ReferenceIndex``) records every page field and
block that points at a document. A document is

- public when at least one live page that uses it is public (no
  ``PageViewRestriction`` on it or an ancestor);
- otherwise open to a visitor who passes every restriction of at least one
  live page that uses it (logged in, in the group, or has entered the page's
  password in this session);
- otherwise open only to users who may change or choose it in the admin
  (a draft's upload, a file used by no live page, a page's private file).

The collection view restrictions Wagtail checks itself still apply on top.
The number of queries does not grow with the number of pages that use a
document (each group restriction involved adds two, to compare groups).
"""

from django.db.models import BigIntegerField, Subquery
from django.db.models.functions import Cast
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry


def _page_references():
    """Reference-index rows from a page to a document."""
    return ReferenceIndex.objects.filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page),
        to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
    )


def _ids(references, column):
    # The index stores ids as text. Rows are filtered to page -> document
    # references first, whose ids are always numbers, so the cast is safe; it
    # goes this way round so that the join uses the primary keys.
    return references.annotate(id_number=Cast(column, BigIntegerField())).values("id_number")


def live_pages_using(document):
    """The live pages that use ``document``, as (path, alias source path)."""
    page_ids = _ids(_page_references().filter(to_object_id=str(document.pk)), "object_id")
    return (
        Page.objects.live().filter(pk__in=Subquery(page_ids)).values_list("path", "alias_of__path")
    )


def visitor_may_view_one_of(pages, request) -> bool:
    """True when ``request`` passes every view restriction of at least one of
    ``pages`` ((path, alias source path) pairs)."""
    if not pages:
        return False
    restrictions = list(
        PageViewRestriction.objects.select_related("page").only(
            "id", "restriction_type", "password", "page__path"
        )
    )
    accepted = {}

    def accepts(restriction):
        if restriction.pk not in accepted:
            accepted[restriction.pk] = restriction.accept_request(request)
        return accepted[restriction.pk]

    for path, source_path in pages:
        # An alias is restricted like the page it copies (as Wagtail serves it).
        own_paths = [path, source_path] if source_path else [path]
        covering = [r for r in restrictions if any(p.startswith(r.page.path) for p in own_paths)]
        if all(accepts(restriction) for restriction in covering):
            return True
    return False


def may_manage(user, document) -> bool:
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, ["change", "choose"], document)


def may_download(document, request) -> bool:
    return visitor_may_view_one_of(list(live_pages_using(document)), request) or may_manage(
        request.user, document
    )


def publicly_used(documents):
    """``documents`` narrowed to those used by at least one live, public page:
    what an anonymous visitor may download (one query, usable in a search)."""
    public_pages = Page.objects.live().public().values("pk")
    references = (
        _page_references()
        .annotate(page_id=Cast("object_id", BigIntegerField()))
        .filter(page_id__in=Subquery(public_pages))
    )
    return documents.filter(pk__in=Subquery(_ids(references, "to_object_id")))


def serve(request, document_id, document_filename):
    """Wagtail's document view; a file that not every visitor may download
    is marked private, so no shared cache (a CDN, a proxy) keeps a copy for
    the next visitor."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    if response.status_code < 400:
        documents = get_document_model().objects.filter(pk=document_id)
        if not publicly_used(documents).exists():
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
    return response
