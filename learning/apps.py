from django.apps import AppConfig

ESCO_LABELS = "keyed by its ESCO URI or ISCO code; labels are per-language rows beside it."


class LearningConfig(AppConfig):
    name = "learning"
    demo_steps = {"learning.demo": 60}  # load_demo's steps and their order
    # Kept out of wagtail-localize (core.localization.registry), with the reason.
    not_translated = {
        "learning.skill": f"ESCO concept {ESCO_LABELS}",
        "learning.occupation": f"ESCO concept {ESCO_LABELS}",
        "learning.iscogroup": f"ISCO group {ESCO_LABELS}",
    }
