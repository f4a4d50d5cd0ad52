"""Demo step, run last: the home page features a policy paper, a learning
path and a hub, as an editor would pick them. Runs after the apps that make
those pages; the translations' links follow into each language."""

from django.apps import apps

from home.demo import ensure_home

FEATURED = [
    ("knowledgebase", "PolicyPaperPage"),
    ("learning", "LearningPathPage"),
    ("partners", "HubPage"),
]


def load(context):
    locale = ensure_home().locale
    picks = []
    for app_label, model_name in FEATURED:
        model = apps.get_model(app_label, model_name)
        page = model.objects.live().filter(locale=locale).order_by("path").first()
        if page is not None:
            picks.append(("page", page))
    home = ensure_home(featured=picks)
    context.translate(home)
    context.step(f"home page features {len(picks)} items")
