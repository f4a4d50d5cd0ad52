"""E-mail each moderator what waits in their consultation queue.

Run it once a day from cron, e.g. ``0 7 * * * manage.py
send_consultation_digest``. Each user who moderates (see
consultation.moderation) and has an e-mail address gets one message when
responses wait for them, or when one of their consultations closed in the
last day (with the link to its summary). Nobody else gets anything."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from consultation import moderation
from consultation.models import Consultation, ResponseStatus
from partners.models import PartnerSection


class Command(BaseCommand):
    help = "E-mail moderators the consultation responses waiting for them."

    def handle(self, *args, **options):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        today = timezone.localdate()
        since = timezone.now() - timedelta(days=1)
        section_groups = PartnerSection.objects.values("group")
        candidates = (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(email="")
            .filter(
                Q(is_superuser=True)
                | Q(groups__name="Moderators")
                | Q(groups__in=section_groups)
                | Q(user_permissions__codename="change_consultationresponse")
            )
            .distinct()
            .order_by("pk")
        )
        sent = 0
        for user in candidates:
            pending = list(
                moderation.visible_responses(user)
                .filter(status=ResponseStatus.PENDING)
                .values("consultation__translation_key")
                .annotate(n=Count("pk"), new=Count("pk", filter=Q(confirmed_at__gte=since)))
                .order_by("consultation__translation_key")
            )
            titles = _titles([row["consultation__translation_key"] for row in pending])
            for row in pending:
                row["title"] = titles.get(row["consultation__translation_key"], "")
            closed = list(
                moderation.moderated_consultations(user)
                .filter(closes_on=today - timedelta(days=1))
                .order_by("translation_key", "pk")
                .distinct()
            )
            closed = list({c.translation_key: c for c in reversed(closed)}.values())
            if not pending and not closed:
                continue
            language = UserProfile.get_for_user(user).get_preferred_language()
            with translation.override(language):
                context = {
                    "user": user,
                    "pending": pending,
                    "total": sum(row["n"] for row in pending),
                    "queue": base + reverse("consultation_responses:index") + "?status=pending",
                    "closed": [
                        (c, base + reverse("consultation_summary", args=[c.pk])) for c in closed
                    ],
                }
                EmailMessage(
                    subject=translation.gettext("Consultations: your daily digest"),
                    body=render_to_string("consultation/email/digest.txt", context),
                    to=[user.email],
                ).send()
            sent += 1
        self.stdout.write(f"Digest sent to {sent} moderator(s).")


def _titles(keys) -> dict:
    """The title of each consultation, in the source language if it has one."""
    titles = {}
    rows = Consultation.objects.filter(translation_key__in=keys).select_related("locale")
    for row in rows.order_by("pk"):
        if row.translation_key not in titles or row.locale.language_code == settings.LANGUAGE_CODE:
            titles[row.translation_key] = row.title
    return titles
