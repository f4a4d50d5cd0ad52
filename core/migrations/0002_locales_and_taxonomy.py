import uuid

from django.conf import settings
from django.db import migrations


def seed(apps, schema_editor):
    from core.taxonomy_seed import AUDIENCES, SECTORS, THEMES

    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for model_name, rows in (
        ("Theme", THEMES),
        ("Sector", [(slug, name, "") for slug, name in SECTORS]),
        ("Audience", [(slug, name, "") for slug, name in AUDIENCES]),
    ):
        model = apps.get_model("core", model_name)
        for slug, name, description in rows:
            model.objects.get_or_create(
                slug=slug,
                locale=english,
                defaults={
                    "name": name,
                    "description": description,
                    "translation_key": uuid.uuid4(),
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "__latest__"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
