"""Moderators edit consultations and moderate every response."""

from django.db import migrations

GRANTS = [
    ("consultation", ("add", "change", "delete", "view")),
    ("consultationresponse", ("change", "delete", "view")),
]


def grant(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    moderators, _ = group_model.objects.get_or_create(name="Moderators")
    for model, actions in GRANTS:
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="consultation", model=model
        )
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
