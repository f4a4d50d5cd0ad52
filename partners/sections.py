"""Who may edit what: each partner's own section, and the network-wide groups.

Everything here is plain Wagtail: groups, GroupPagePermission,
GroupCollectionPermission and two-step workflows of GroupApprovalTasks.
Functions take an app registry so the data migration can call them with
historical models; ordinary code calls them without one.

- A partner's group may add and change pages in its partner page's subtree
  (its section), but not publish: edits go to moderation. It may add, change
  and choose documents and images in its own collection.
- Each partner's section has the workflow "<partner>: partner review, then
  network moderation": a member of the partner's group approves first, then a
  Moderator publishes.
- Moderators review, publish and delete anywhere (Wagtail's own group).
- Translators change pages in the non-source locale trees only.
"""

from django.apps import apps as global_apps
from django.conf import settings

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


def _permission(apps, app_label, model, action):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = permission_model.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def _grant_page(apps, group, page_id, actions):
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        group_page_permission.objects.get_or_create(
            group=group,
            page_id=page_id,
            permission=_permission(apps, "wagtailcore", "page", action),
        )


def _grant_collection(apps, group, collection):
    group_collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, model, actions in MEDIA_PERMISSIONS:
        for action in actions:
            group_collection_permission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(apps, app_label, model, action),
            )


def _admin_access(apps, group, *extra):
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access"))
    for permission in extra:
        group.permissions.add(permission)


def ensure_network(apps=global_apps):
    """The network-wide groups and the moderation task shared by every
    partner's workflow. Returns the network moderation task."""
    group_model = apps.get_model("auth", "Group")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    moderators, _ = group_model.objects.get_or_create(name=MODERATORS)
    _admin_access(apps, moderators)
    translators, _ = group_model.objects.get_or_create(name=TRANSLATORS)
    _admin_access(apps, translators, _permission(apps, "wagtail_localize", "translation", "submit"))
    group_model.objects.get_or_create(name=LEARNERS)
    task = task_model.objects.filter(name=NETWORK_TASK).first()
    if task is None:
        task = _create_task(apps, task_model, NETWORK_TASK)
    task.groups.add(moderators)
    page_model = apps.get_model("wagtailcore", "Page")
    root = page_model.objects.filter(depth=1).first()
    if root is not None:
        _grant_page(apps, moderators, root.pk, MODERATOR_PAGE_PERMISSIONS)
    ensure_translator_permissions(apps)
    return task


def _create_task(apps, task_model, name, app_label="wagtailcore", model="groupapprovaltask"):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    return task_model.objects.create(name=name, content_type=content_type, active=True)


def _create_review_task(apps, task_model, name):
    """The partner-review task: a PartnerReviewTask (the submitter never
    approves), or, in migrations older than that model, a plain group
    approval that migration 0006 converts."""
    try:
        apps.get_model("partners", "PartnerReviewTask")
    except LookupError:
        return _create_task(apps, task_model, name)
    return _create_task(apps, task_model, name, "partners", "partnerreviewtask")


def ensure_translator_permissions(apps=global_apps):
    """Translators may change pages in every locale tree but the source one:
    each non-source locale's home page (depth 2) and everything below it."""
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    translators, _ = group_model.objects.get_or_create(name=TRANSLATORS)
    homes = page_model.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)
    for home_id in homes.values_list("pk", flat=True):
        _grant_page(apps, translators, home_id, TRANSLATOR_PAGE_PERMISSIONS)


def ensure_section(page, apps=global_apps):
    """The group, collection, permissions and workflow of one partner page
    (the first language version to exist). Idempotent; returns the section."""
    section_model = apps.get_model("partners", "PartnerSection")
    existing = section_model.objects.filter(translation_key=page.translation_key).first()
    if existing is not None:
        return existing
    group_model = apps.get_model("auth", "Group")
    collection_model = apps.get_model("wagtailcore", "Collection")
    name = page.title[:120]
    group, _ = group_model.objects.get_or_create(name=f"Partner: {name}"[:150])
    _admin_access(apps, group)
    _grant_page(apps, group, page.pk, PARTNER_PAGE_PERMISSIONS)

    root_collection = collection_model.objects.filter(depth=1).first()
    collection = _add_collection(apps, collection_model, root_collection, name)
    _grant_collection(apps, group, collection)

    workflow = _partner_workflow(apps, group, page, name)
    return section_model.objects.create(
        translation_key=page.translation_key, group=group, collection=collection, workflow=workflow
    )


def _add_collection(apps, collection_model, root, name):
    if apps is global_apps:
        return root.add_child(name=name)
    # Historical models have no treebeard methods: add the child by hand.
    last = collection_model.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[4:8], 36) + 1 if last else 1
    path = root.path + _base36(number).rjust(4, "0")
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return collection_model.objects.create(name=name, path=path, depth=2, numchild=0)


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"


def _partner_workflow(apps, group, page, name):
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    network = ensure_network(apps)
    review = _create_review_task(apps, task_model, f"Partner review: {name}"[:255])
    review.groups.add(group)
    workflow = workflow_model.objects.create(
        name=f"{name}: partner review, then network moderation"[:255], active=True
    )
    workflow_task_model.objects.create(workflow=workflow, task=review, sort_order=0)
    workflow_task_model.objects.create(workflow=workflow, task=network, sort_order=1)
    workflow_page_model.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})
    return workflow


def section_for(page):
    """The section of a partner page (any language version), or None."""
    section_model = global_apps.get_model("partners", "PartnerSection")
    return (
        section_model.objects.select_related("group", "collection", "workflow")
        .filter(translation_key=page.translation_key)
        .first()
    )
