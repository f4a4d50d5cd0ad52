"""Partner sections as migrations 0004 and 0005 made them, frozen.

A copy of what ``partners.sections`` did when those migrations were
written, for historical models only: the live module may change (it now
creates PartnerReviewTasks, a model that 0006 adds), these functions must
not. Group and task names are written out here for the same reason.
"""

from django.conf import settings

MODERATORS = "Moderators"
TRANSLATORS = "Translators"
LEARNERS = "Learners"
NETWORK_TASK = "Network moderation"
MODERATOR_ACTIONS = ("add", "change", "publish", "delete", "lock", "unlock")
MEDIA = [("wagtaildocs", "document"), ("wagtailimages", "image")]


def permission(apps, app_label, model, action):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    content_type, _ = content_types.get_or_create(app_label=app_label, model=model)
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def _grant_page(apps, group, page_id, actions):
    grants = apps.get_model("wagtailcore", "GroupPagePermission").objects
    for action in actions:
        grants.get_or_create(
            group=group, page_id=page_id, permission=permission(apps, "wagtailcore", "page", action)
        )


def _group(apps, name, *extra):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    group.permissions.add(permission(apps, "wagtailadmin", "admin", "access"), *extra)
    return group


def _task(apps, name):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    content_type, _ = content_types.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    tasks = apps.get_model("wagtailcore", "GroupApprovalTask").objects
    return tasks.create(name=name, content_type=content_type, active=True)


def ensure_network(apps):
    moderators = _group(apps, MODERATORS)
    submit = permission(apps, "wagtail_localize", "translation", "submit")
    translators = _group(apps, TRANSLATORS, submit)
    apps.get_model("auth", "Group").objects.get_or_create(name=LEARNERS)
    tasks = apps.get_model("wagtailcore", "GroupApprovalTask").objects
    task = tasks.filter(name=NETWORK_TASK).first() or _task(apps, NETWORK_TASK)
    task.groups.add(moderators)
    pages = apps.get_model("wagtailcore", "Page").objects
    root = pages.filter(depth=1).first()
    if root is not None:
        _grant_page(apps, moderators, root.pk, MODERATOR_ACTIONS)
    homes = pages.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)
    for home_id in homes.values_list("pk", flat=True):
        _grant_page(apps, translators, home_id, ("change",))
    return task


def ensure_section(apps, page, network_task):
    sections = apps.get_model("partners", "PartnerSection").objects
    if sections.filter(translation_key=page.translation_key).exists():
        return
    name = page.title[:120]
    group = _group(apps, f"Partner: {name}"[:150])
    _grant_page(apps, group, page.pk, ("add", "change"))
    collection = _add_collection(apps, name)
    grants = apps.get_model("wagtailcore", "GroupCollectionPermission").objects
    for app_label, model in MEDIA:
        for action in ("add", "change", "choose"):
            grants.get_or_create(
                group=group,
                collection=collection,
                permission=permission(apps, app_label, model, action),
            )
    review = _task(apps, f"Partner review: {name}"[:255])
    review.groups.add(group)
    workflow = apps.get_model("wagtailcore", "Workflow").objects.create(
        name=f"{name}: partner review, then network moderation"[:255], active=True
    )
    steps = apps.get_model("wagtailcore", "WorkflowTask").objects
    steps.create(workflow=workflow, task=review, sort_order=0)
    steps.create(workflow=workflow, task=network_task, sort_order=1)
    apps.get_model("wagtailcore", "WorkflowPage").objects.update_or_create(
        page_id=page.pk, defaults={"workflow": workflow}
    )
    sections.create(
        translation_key=page.translation_key, group=group, collection=collection, workflow=workflow
    )


def _add_collection(apps, name):
    """Historical models have no treebeard methods: the child by hand."""
    collections = apps.get_model("wagtailcore", "Collection").objects
    root = collections.get(depth=1)
    last = collections.filter(depth=2).order_by("-path").first()
    number = int(last.path[4:8], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    while number:
        number, rest = divmod(number, 36)
        step = digits[rest] + step
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return collections.create(name=name, path=root.path + step.rjust(4, "0"), depth=2, numchild=0)
