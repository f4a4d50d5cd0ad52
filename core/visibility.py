"""Wagtail's ``PageQuerySet.public()`` in the same SQL statement.

``public()`` first reads every view restriction (one query each time it is
called: a hub page called it nine times), then excludes their subtrees.
``public(queryset)`` here excludes the same pages, those at or below a
restricted page, with a correlated ``NOT EXISTS``, so it costs no query of
its own. Use it for database querysets; search backends other than the
database cannot translate it (keep Wagtail's ``public()`` there).
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def in_restricted_section():
    """True for a page at or below a page with a view restriction."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(queryset):
    return queryset.exclude(in_restricted_section())
