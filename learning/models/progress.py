"""What signed-in learners have completed. Progress is keyed by the module's
translation key, so a module done in German counts in every language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("module completion")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="unique_user_module")
        ]
        permissions = [
            ("view_progress_report", _("Can see how many learners started or completed paths")),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.module_key}"
