from django.db import models


class RateLimitCounter(models.Model):
    """One client's count for one limit in its current window: the store of
    core.ratelimit when there is no Redis. The key is a keyed hash, so the
    table holds no addresses."""

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.key
