"""Migrations 0004-0006 give partners that existed before them a section,
through the frozen copy of the section code (historical models), and the
result is what the live code gives a new partner."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import WorkflowPage

from partners.models import HubPage, PartnerReviewTask, PartnerSection
from partners.sections import MODERATORS, section_for

from .conftest import make_partner

pytestmark = pytest.mark.django_db


def run(name: str, function: str):
    """Run one migration's Python step with the models as they were then."""
    apps = MigrationExecutor(connection).loader.project_state(("partners", name)).apps
    getattr(importlib.import_module(f"partners.migrations.{name}"), function)(apps, None)


def test_a_partner_older_than_the_sections_gets_one(directory):
    hub = make_partner(directory, HubPage, "old-hub", "Old Hub", "PT", 41, -8)
    fresh = section_for(hub)
    live_names = [step.task.name for step in fresh.workflow.workflow_tasks.order_by("sort_order")]
    # As before migration 0004: no section, group or workflow.
    PartnerSection.objects.all().delete()
    WorkflowPage.objects.filter(page=hub).delete()
    fresh.workflow.delete()
    Group.objects.filter(name__startswith="Partner:").delete()

    run("0004_moderation_workflow", "forwards")
    run("0005_contactmessage", "moderators_see_messages")
    run("0006_partnerreviewtask", "forwards")

    section = section_for(hub)
    assert section.group.name == "Partner: Old Hub"
    steps = section.workflow.workflow_tasks.order_by("sort_order")
    assert [step.task.name for step in steps] == live_names
    assert isinstance(steps[0].task.specific, PartnerReviewTask)
    assert list(steps[0].task.specific.groups.all()) == [section.group]
    assert WorkflowPage.objects.get(page=hub).workflow == section.workflow
    assert section.collection.get_parent().depth == 1
    granted = set(
        section.group.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert granted == {
        f"{a}_{m}" for a in ("add", "change", "choose") for m in ("document", "image")
    }
    pages = set(section.group.page_permissions.values_list("permission__codename", flat=True))
    assert pages == {"add_page", "change_page"}
    moderators = Group.objects.get(name=MODERATORS)
    assert moderators.permissions.filter(codename="view_contactmessage").exists()
    # Run again, nothing more is made.
    run("0004_moderation_workflow", "forwards")
    assert PartnerSection.objects.count() == 1
