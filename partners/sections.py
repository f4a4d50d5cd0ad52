"""Who may edit what: each partner's own section, and the network-wide groups.

Everything here is plain Wagtail: groups, GroupPagePermission,
GroupCollectionPermission and two-step workflows. Migrations 0004 and 0005
use a frozen copy of what this module did then
(partners/migrations/_frozen_sections.py), so this one may change.

- A partner's group may add and change pages in its partner page's subtree
  (its section), but not publish: edits go to moderation. It may add, change
  and choose documents and images in its own collection.
- Each partner's section has the workflow "<partner>: partner review, then
  network moderation": a member of the partner's group approves first (a
  PartnerReviewTask: never the submitter), then a Moderator publishes.
- Moderators review, publish and delete anywhere (Wagtail's own group).
- Translators change pages in the non-source locale trees only.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MODERATORS = "Moderators"
TRANSLATORS = "Translators"
LEARNERS = "Learners"
NETWORK_TASK = "Network moderation"
PARTNER_PAGE_PERMISSIONS = ("add", "change")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "delete", "lock", "unlock")
TRANSLATOR_PAGE_PERMISSIONS = ("change",)
MEDIA_PERMISSIONS = [
    ("wagtaildocs", "document", ("add", "change", "choose")),
    ("wagtailimages", "image", ("add", "change", "choose")),
]


def _permission(app_label, model, action):
    return Permission.objects.get(
        content_type__app_label=app_label, content_type__model=model, codename=f"{action}_{model}"
    )


def _grant_page(group, page_id, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission=_permission("wagtailcore", "page", action)
        )


def _group(name, *extra):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "admin", "access"), *extra)
    return group


def ensure_network():
    """The network-wide groups and the moderation task shared by every
    partner's workflow. Returns the network moderation task."""
    moderators = _group(MODERATORS)
    _group(TRANSLATORS, _permission("wagtail_localize", "translation", "submit"))
    Group.objects.get_or_create(name=LEARNERS)
    task = GroupApprovalTask.objects.filter(name=NETWORK_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=NETWORK_TASK)
    task.groups.add(moderators)
    root = Page.get_first_root_node()
    if root is not None:
        _grant_page(moderators, root.pk, MODERATOR_PAGE_PERMISSIONS)
    ensure_translator_permissions()
    return task


def ensure_translator_permissions():
    """Translators may change pages in every locale tree but the source one:
    each non-source locale's home page (depth 2) and everything below it."""
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    homes = Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)
    for home_id in homes.values_list("pk", flat=True):
        _grant_page(translators, home_id, TRANSLATOR_PAGE_PERMISSIONS)


def ensure_section(page):
    """The group, collection, permissions and workflow of one partner page
    (the first language version to exist). Idempotent; returns the section."""
    from partners.models import PartnerReviewTask, PartnerSection

    existing = PartnerSection.objects.filter(translation_key=page.translation_key).first()
    if existing is not None:
        return existing
    name = page.title[:120]
    group = _group(f"Partner: {name}"[:150])
    _grant_page(group, page.pk, PARTNER_PAGE_PERMISSIONS)
    collection = Collection.get_first_root_node().add_child(name=name)
    for app_label, model, actions in MEDIA_PERMISSIONS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, model, action)
            )
    # Wagtail's Task takes its concrete model's content type; the proxy's
    # says which rules apply.
    review = PartnerReviewTask.objects.create(
        name=f"Partner review: {name}"[:255],
        content_type=ContentType.objects.get_for_model(PartnerReviewTask, for_concrete_model=False),
    )
    review.groups.add(group)
    workflow = Workflow.objects.create(
        name=f"{name}: partner review, then network moderation"[:255], active=True
    )
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=ensure_network(), sort_order=1)
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return PartnerSection.objects.create(
        translation_key=page.translation_key, group=group, collection=collection, workflow=workflow
    )


def section_for(page):
    """The section of a partner page (any language version), or None."""
    from partners.models import PartnerSection

    return (
        PartnerSection.objects.select_related("group", "collection", "workflow")
        .filter(translation_key=page.translation_key)
        .first()
    )
