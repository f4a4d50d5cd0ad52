from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    demo_steps = {"funding.demo": 80}  # load_demo's steps and their order
    verbose_name = _("Funding")
