"""Delete respondents' personal data once it is no longer needed.

- Responses never confirmed, older than CONSULTATION_CONFIRM_DAYS: deleted.
- Consultations closed more than CONSULTATION_RETENTION_MONTHS ago: rejected
  and spam responses are deleted; the others lose the name and e-mail
  address (a named publication becomes anonymous) and keep the text and the
  profile (organisation type, country, sector), which identify nobody.

Run it daily from cron: ``manage.py purge_consultation_data``."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from consultation.models import (
    Consent,
    Consultation,
    ConsultationResponse,
    ResponseStatus,
    add_months,
)


class Command(BaseCommand):
    help = "Delete personal data of consultation responses past their retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, **options):
        now = timezone.now()
        today = timezone.localdate()
        months = settings.CONSULTATION_RETENTION_MONTHS
        # closes_on + months <= today  <=>  closes_on <= today - months.
        cutoff = add_months(today, -months)
        expired_keys = Consultation.objects.filter(closes_on__lt=cutoff).values("translation_key")
        old = ConsultationResponse.objects.filter(consultation__translation_key__in=expired_keys)
        unconfirmed = ConsultationResponse.objects.filter(
            status=ResponseStatus.UNCONFIRMED,
            created_at__lt=now - timedelta(days=settings.CONSULTATION_CONFIRM_DAYS),
        )
        discard = old.filter(status__in=[ResponseStatus.REJECTED, ResponseStatus.SPAM])
        keep = old.exclude(status__in=[ResponseStatus.REJECTED, ResponseStatus.SPAM]).filter(
            personal_data_removed_at__isnull=True
        )
        if options["dry_run"]:
            self.stdout.write(
                f"Would delete {unconfirmed.count()} unconfirmed and {discard.count()} "
                f"rejected or spam responses, and anonymise {keep.count()}."
            )
            return
        with transaction.atomic():
            deleted_unconfirmed, _ = unconfirmed.delete()
            deleted_discarded, _ = discard.delete()
            keep.filter(consent=Consent.NAMED).update(consent=Consent.ANONYMOUS)
            anonymised = keep.update(name="", email="", personal_data_removed_at=now)
        self.stdout.write(
            f"Deleted {deleted_unconfirmed} unconfirmed and {deleted_discarded} rejected or "
            f"spam responses; removed names and e-mail addresses from {anonymised}."
        )
