import uuid

from django.conf import settings
from django.db import migrations

# The vocabulary as it was when this migration was written, frozen here:
# core/taxonomy_seed.py may change later without changing what this did.
THEMES = [
    ("finance", "Finance", "Access to finance, funding models and investment readiness."),
    (
        "learning-innovation",
        "Learning & Innovation",
        "Skills, education partnerships and new ways of working.",
    ),
    ("working-conditions", "Working Conditions", "Fair pay, contracts and wellbeing at work."),
    (
        "transformation-sustainability",
        "Transformation & Sustainability",
        "Digital and green transitions in the creative economy.",
    ),
    (
        "intellectual-property",
        "Intellectual Property",
        "Protecting, licensing and capturing value from creative work.",
    ),
]

SECTORS = [
    ("architecture", "Architecture"),
    ("audiovisual", "Audiovisual"),
    ("books-publishing", "Books and publishing"),
    ("crafts", "Crafts"),
    ("cultural-heritage", "Cultural heritage"),
    ("design", "Design"),
    ("fashion", "Fashion"),
    ("music", "Music"),
    ("performing-arts", "Performing arts"),
    ("visual-arts", "Visual arts"),
    ("games", "Games"),
    ("advertising", "Advertising"),
    ("media", "Media and broadcasting"),
]

AUDIENCES = [
    ("educators", "Educators"),
    ("hub-managers", "Hub managers"),
    ("creative-professionals", "Creative professionals"),
    ("policy-makers", "Policy makers"),
    ("students", "Students"),
    ("investors", "Investors and funders"),
]


def seed(apps, schema_editor):
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
        # A fixed migration, never "__latest__": a later Wagtail release
        # would otherwise become a dependency of this applied migration.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
