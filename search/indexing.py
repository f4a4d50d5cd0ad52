"""Keeping the index honest.

- Wagtail updates the index in a django-tasks task; the immediate runner only
  logs ``state=FAILED`` at INFO/WARNING. Here every failed search task is
  logged at ERROR with its traceback and remembered in ``FAILURES`` (tests
  fail on it).
- Pages that attach a document (a ``document`` foreign key) declare
  ``RelatedFields("document", …)`` in their ``search_fields``, so a phrase
  only found in the PDF finds the page (``tests/core/test_patches.py``
  checks that each does).
- Saving a document reindexes the live pages that refer to it, found through
  Wagtail's reference index.
"""

import logging
from collections import deque

from django.db.models import ForeignKey
from wagtail.search import index

logger = logging.getLogger("search.indexing")

# The last failures, newest last: (task name, arguments, traceback).
FAILURES: deque = deque(maxlen=100)

SEARCH_TASK_MODULES = ("modelsearch.", "wagtail.search.")


def on_task_finished(sender, task_result, **kwargs):
    from django_tasks.base import TaskResultStatus

    if task_result.status != TaskResultStatus.FAILED:
        return
    task = task_result.task
    name = f"{task.func.__module__}.{task.func.__name__}"
    if not name.startswith(SEARCH_TASK_MODULES):
        return
    traceback = "\n".join(error.traceback for error in task_result.errors)
    FAILURES.append((name, task_result.args, traceback))
    logger.error("Search index task %s%r failed:\n%s", name, tuple(task_result.args), traceback)


def has_document(model) -> bool:
    try:
        field = model._meta.get_field("document")
    except Exception:
        return False
    return isinstance(field, ForeignKey)


def pages_using_document(document):
    """The live pages that refer to ``document`` (any field, any block)."""
    from wagtail.models import Page, ReferenceIndex

    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type_id=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids if str(pk).isdigit()]).specific()


def reindex_pages_for_document(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    for page in pages_using_document(instance):
        index.insert_or_update_object(page)
