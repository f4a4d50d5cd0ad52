"""manage.py set_site_url: give the default Wagtail Site the host and port
of SITE_URL (``migrate`` does it too). Run it after changing SITE_URL."""

from django.core.management.base import BaseCommand

from core.site_url import apply_site_url


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from the SITE_URL setting."

    def handle(self, *args, **options):
        self.stdout.write(apply_site_url())
