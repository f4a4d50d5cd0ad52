"""Demo step, run last: the home page features a policy paper, a learning
path and a hub, as an editor would pick them. Runs after the apps that make
those pages; the translations' links follow into each language."""

from django.apps import apps

from core.demo_tools import content_of, publish_if_changed
from home.demo import TEXT, ensure_home

FEATURED = [
    ("knowledgebase", "PolicyPaperPage"),
    ("learning", "LearningPathPage"),
    ("partners", "HubPage"),
]


def load(context):
    home = ensure_home()
    picks = []
    for app_label, model_name in FEATURED:
        model = apps.get_model(app_label, model_name)
        page = model.objects.live().filter(locale=home.locale).order_by("path").first()
        if page is not None:
            picks.append(("page", page))
    before = content_of(home)
    home.featured = picks
    home = publish_if_changed(home, before)
    context.translate(home, TEXT)
    context.step(f"home page features {len(picks)} items")
