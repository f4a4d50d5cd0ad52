"""Messages sent through partners' contact forms. Each is stored before it
is e-mailed, so a failed send loses nothing: staff find it in the admin
("Contact messages") and pass it on. Only what the visitor typed is kept,
with no address or browser details, and rows are deleted after
CONTACT_MESSAGE_RETENTION_DAYS (docs/permissions.md)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Sending failed")

    partner = models.ForeignKey(
        "partners.PartnerPage",
        on_delete=models.CASCADE,
        related_name="contact_messages",
        verbose_name=_("partner"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.name} → {self.partner.title}"

    @classmethod
    def delete_expired(cls) -> None:
        cutoff = timezone.now() - timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
        cls.objects.filter(created_at__lt=cutoff).delete()
