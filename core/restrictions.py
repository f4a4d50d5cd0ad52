"""Wagtail's "Private, accessible to logged-in users" means anyone with an
account, and anyone may create a learner account. So on this site such a
restriction (on pages, and on document collections) admits network members
only: users who may use the Wagtail admin (partners' editors, translators,
moderators, admins). A signed-in learner gets a 403 page; visitors who are
not signed in still get Wagtail's login redirect. Registered as hooks in
core/wagtail_hooks.py.
"""

from django.template.response import TemplateResponse
from wagtail.models import BaseViewRestriction


def is_network_member(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def refuse_learners(restrictions, request):
    """A 403 response when a signed-in user who is not a network member
    meets a "logged-in users" restriction, else None (Wagtail's own checks
    follow). ``restrictions`` is a callable returning them: visitors who are
    not signed in never need them here."""
    if not request.user.is_authenticated or is_network_member(request.user):
        return None
    if any(r.restriction_type == BaseViewRestriction.LOGIN for r in restrictions()):
        response = TemplateResponse(request, "core/members_only.html", status=403)
        response["Cache-Control"] = "private, no-store"
        return response
    return None


def check_page(page, request, serve_args, serve_kwargs):
    return refuse_learners(page.get_view_restrictions, request)


def check_document(document, request):
    return refuse_learners(document.collection.get_view_restrictions, request)
