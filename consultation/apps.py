from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    demo_steps = {"consultation.demo": 50}  # load_demo's steps and their order
    verbose_name = _("Consultation")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from consultation import search
        from consultation.models import Consultation

        for signal in (post_save, post_delete):
            signal.connect(
                search.on_consultation_changed,
                sender=Consultation,
                dispatch_uid=f"consultation-reindex-{signal is post_save}",
            )
