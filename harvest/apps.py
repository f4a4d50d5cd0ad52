from django.apps import AppConfig


class HarvestConfig(AppConfig):
    name = "harvest"
    verbose_name = "OAI-PMH harvesting"

    def ready(self):
        from . import signals

        signals.connect()
