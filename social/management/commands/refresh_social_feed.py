"""Fetch every active social feed source (from cron or the task worker)."""

from django.core.management.base import BaseCommand

from social.models import FeedSource
from social.refresh import refresh_source


class Command(BaseCommand):
    help = "Fetch the social feed sources listed in the admin and keep their latest posts."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, help="only the source with this id")

    def handle(self, *args, source=None, **options):
        sources = FeedSource.objects.filter(active=True)
        if source is not None:
            sources = sources.filter(pk=source)
        failed = 0
        for item in sources:
            count = refresh_source(item)
            if item.last_error:
                failed += 1
                self.stdout.write(f"{item.name}: {item.last_error} (old posts kept)")
            else:
                self.stdout.write(f"{item.name}: {count} posts")
        self.stdout.write(f"{sources.count() - failed} sources fetched, {failed} failed")
