"""``manage.py purge_page_cache``: every cached page is purged (and, with
WAGTAILFRONTENDCACHE set, every live page's URL in the frontend cache).
For changes made outside Wagtail and Django's signals, e.g. raw SQL."""

from django.core.management.base import BaseCommand

from core.pagecache import store
from core.pagecache.purge import frontend_batch


class Command(BaseCommand):
    help = "Purge every page from the page cache (and the frontend cache, if configured)."

    def handle(self, *args, **options):
        batch = frontend_batch({"all"})
        store.bump({"all"})
        if batch is not None:
            batch.purge()
        self.stdout.write("Page cache purged.")
