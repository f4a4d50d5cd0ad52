from django.db import models


class DemoRun(models.Model):
    """The fingerprint of the demo content last loaded into this database, so
    ``load_demo --if-needed`` can skip work that is already done."""

    fingerprint = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"demo {self.fingerprint[:12]} at {self.loaded_at:%Y-%m-%d %H:%M}"
