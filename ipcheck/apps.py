from django.apps import AppConfig


class IpcheckConfig(AppConfig):
    name = "ipcheck"
    verbose_name = "IP self-check"
