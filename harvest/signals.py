"""Keep tombstones (``harvest.models.Tombstone``) in step with the page tree.

A record leaves the endpoint when its page is unpublished, deleted, put
behind a view restriction or moved where it is hidden; it comes back without
being published when a restriction is lifted or it is moved into view. Both
are stamped with the moment they happened. Pages that were never exposed
(aliases, pages already hidden) get no tombstone, so that a deleted record
never reveals a private page.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from .models import Tombstone
from .records import TYPES, set_specs


def stamp(pages) -> None:
    """Write or move to now the tombstones of the harvested pages among
    ``pages`` (a Page queryset), in a fixed number of queries."""
    now = timezone.now()
    rows = []
    for model in TYPES.values():
        queryset = (
            model.objects.filter(pk__in=pages.values("pk"), alias_of__isnull=True)
            .defer_streamfields()
            .select_related("locale")
            .prefetch_related("themes")
        )
        rows += [
            Tombstone(
                translation_key=page.translation_key,
                language_code=page.locale.language_code,
                datestamp=now,
                set_specs=f" {' '.join(set_specs(page))} ",
            )
            for page in queryset
        ]
    Tombstone.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["translation_key", "language_code"],
        update_fields=["datestamp", "set_specs"],
    )


def covered_by(restrictions) -> Q:
    """Pages in the sections of ``restrictions`` (nothing if there are none)."""
    covered = Q(pk__in=[])
    for path in restrictions.values_list("page__path", flat=True):
        covered |= Q(path__startswith=path)
    return covered


def on_unpublished(sender, instance, **kwargs):
    harvested = isinstance(instance, tuple(TYPES.values()))
    if harvested and not instance.get_view_restrictions().exists():
        stamp(Page.objects.filter(pk=instance.pk))


def on_page_delete(sender, instance, **kwargs):
    if instance.live and not instance.get_view_restrictions().exists():
        stamp(Page.objects.filter(pk=instance.pk))


def on_restriction_saved(sender, instance, created, **kwargs):
    """Pages of the new private section that were public until now leave."""
    if created:
        others = PageViewRestriction.objects.exclude(pk=instance.pk)
        section = instance.page.get_descendants(inclusive=True).live()
        stamp(section.exclude(covered_by(others)))


def on_restriction_deleted(sender, instance, **kwargs):
    """Pages of a section made public again come back. Checked after commit:
    a restriction is also deleted with its page, whose pages never come back."""
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is None:
        return

    def show_again():
        section = Page.objects.live().filter(path__startswith=path)
        stamp(section.exclude(covered_by(PageViewRestriction.objects.all())))

    transaction.on_commit(show_again)


def on_page_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    """A moved page's URL changed, and it may have gone into or out of a
    private section. Pages hidden by a restriction inside the moved section
    were hidden before and after; the others that are hidden now were shown
    before only if their old parent was public."""
    if url_path_before == url_path_after:
        return
    section = instance.get_descendants(inclusive=True).live()
    inside = PageViewRestriction.objects.filter(page__path__startswith=instance.path)
    outside = PageViewRestriction.objects.exclude(pk__in=inside.values("pk"))
    section = section.exclude(covered_by(inside))
    if parent_page_before.get_view_restrictions().exists():
        section = section.exclude(covered_by(outside))
    stamp(section)


def connect():
    page_unpublished.connect(on_unpublished, dispatch_uid="harvest-unpublished")
    for model in TYPES.values():
        pre_delete.connect(on_page_delete, sender=model, dispatch_uid=f"harvest-delete-{model}")
    post_save.connect(
        on_restriction_saved, sender=PageViewRestriction, dispatch_uid="harvest-restricted"
    )
    post_delete.connect(
        on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="harvest-unrestricted"
    )
    post_page_move.connect(on_page_moved, dispatch_uid="harvest-moved")
