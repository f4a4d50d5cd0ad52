"""Build the demo site: every app's demo steps, in order, in every language.

Idempotent: each step finds what it made last time by slug or key and brings
it up to date, so a second run adds nothing. ``--if-needed`` skips the whole
run when this database already holds the demo from the same source code.
"""

import hashlib
import importlib
import importlib.util
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from core import bulkload
from core.demo_catalogue import DEMO_DIR
from core.demo_tools import DemoContext
from core.models import DemoRun
from core.site_url import apply_site_url


def demo_modules() -> list[str]:
    """Every app's demo steps, in order: ``AppConfig.demo_steps`` maps a
    module to its place. Order matters: partners own the sections that
    knowledge-base pages live in, and search's demo promotes pages the
    others created."""
    steps = [
        (place, name)
        for config in apps.get_app_configs()
        for name, place in getattr(config, "demo_steps", {}).items()
    ]
    return [name for _place, name in sorted(steps)]


def fingerprint() -> str:
    """A hash of the demo code and data: what the demo would build."""
    digest = hashlib.sha256()
    for name in demo_modules():
        package = Path(importlib.util.find_spec(name).origin).parent
        for path in sorted(package.glob("demo*")) + sorted(package.glob("demo_data/**/*")):
            if path.is_file() and path.suffix in {".py", ".json", ".yaml", ".txt", ".csv"}:
                digest.update(path.read_bytes())
    for path in sorted(DEMO_DIR.glob("**/*")):  # the data: content and catalogues
        if path.is_file() and path.suffix in {".yaml", ".po"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Load the demo content (idempotent) in every configured language."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="Do nothing when this database already holds the same demo content.",
        )

    def handle(self, *args, **options):
        current = fingerprint()
        self.stdout.write(apply_site_url())  # SITE_URL, even when the demo is up to date
        last = DemoRun.objects.order_by("-loaded_at").first()
        if options["if_needed"] and last and last.fingerprint == current:
            self.stdout.write("Demo content is up to date; nothing to do.")
            return
        context = DemoContext(stdout=self.stdout, style=self.style, verbosity=options["verbosity"])
        started = time.monotonic()
        # Publishing a page and each of its translations would re-index it
        # every time; build the content first, then index everything once.
        quiet_backends = {
            name: {**conf, "AUTO_UPDATE": False}
            for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        # The reference index, the page cache and the chrome likewise:
        # core/bulkload.py skips their per-save upkeep and does it once.
        with override_settings(WAGTAILSEARCH_BACKENDS=quiet_backends), bulkload.bulk_load():
            for name in demo_modules():
                self.stdout.write(self.style.MIGRATE_HEADING(f"{name}:"))
                step = time.monotonic()
                importlib.import_module(name).load(context)
                if options["verbosity"] > 1:
                    self.stdout.write(f"  ({time.monotonic() - step:.1f} s)")
        self.stdout.write(self.style.MIGRATE_HEADING("search and reference index:"))
        bulkload.finish()
        DemoRun.objects.all().delete()
        DemoRun.objects.create(fingerprint=current)
        self.stdout.write(apply_site_url())
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo content ready in {elapsed:.1f} s."))
