from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialConfig(AppConfig):
    name = "social"
    verbose_name = _("Social feed")
    default_auto_field = "django.db.models.BigAutoField"
    # Kept out of wagtail-localize (core.localization.registry), with the reason.
    not_translated = {
        "social.feedsource": "One source per feed, whatever its language; a field says which.",
    }
