from django.apps import AppConfig


class HarvestConfig(AppConfig):
    name = "harvest"

    def ready(self):
        from . import signals

        signals.connect()
