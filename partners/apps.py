from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    demo_steps = {"partners.demo": 30}  # load_demo's steps and their order

    def ready(self):
        from partners import signals

        signals.connect()
