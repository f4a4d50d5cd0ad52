"""The partner-review step becomes a PartnerReviewTask (a proxy of Wagtail's
GroupApprovalTask in which the submitter never approves): the first task of
every partner section's workflow changes its content type, nothing else."""

from django.db import migrations


def forwards(apps, schema_editor):
    _retype(apps, "partners", "partnerreviewtask")


def backwards(apps, schema_editor):
    _retype(apps, "wagtailcore", "groupapprovaltask")


def _retype(apps, app_label, model):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    section_model = apps.get_model("partners", "PartnerSection")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    task_model = apps.get_model("wagtailcore", "Task")
    workflows = section_model.objects.exclude(workflow=None).values("workflow_id")
    task_ids = workflow_task_model.objects.filter(
        workflow_id__in=workflows, sort_order=0
    ).values("task_id")
    task_model.objects.filter(pk__in=task_ids).update(content_type=content_type)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_contactmessage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PartnerReviewTask",
            fields=[],
            options={
                "verbose_name": "partner review task",
                "verbose_name_plural": "partner review tasks",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
