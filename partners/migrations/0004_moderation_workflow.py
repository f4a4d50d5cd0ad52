"""Network groups and the two-step moderation for partner sections.

Creates (or completes) the Moderators and Translators groups, the shared
"Network moderation" task, and, for each partner page that already exists,
its group, collection and workflow "<partner>: partner review, then network
moderation". New partner pages get theirs from partners.signals."""

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    from partners.migrations import _frozen_sections as sections

    network_task = sections.ensure_network(apps)
    partner_page = apps.get_model("partners", "PartnerPage")
    for page in partner_page.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        sections.ensure_section(apps, page, network_task)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_partner_fields"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0001_initial"),
        ("wagtailimages", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
