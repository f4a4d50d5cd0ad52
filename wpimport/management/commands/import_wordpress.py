"""manage.py import_wordpress EXPORT.xml [--map mapping.yaml] [--media-dir wp-content/uploads]
[--parent PAGE | --section PARTNER] [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wpimport.importer import OUTCOMES, Importer, ImportFailed, Options


class Command(BaseCommand):
    help = (
        "Import posts, pages and attachments from a WordPress export file (WXR 1.0-1.2). "
        "Posts become news items (or other types by --map), pages content pages; running "
        "it again updates what changed. Nothing is written unless the whole file is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the WordPress export file (Tools > Export)")
        parser.add_argument("--map", dest="mapping", help="YAML file: page types and taxonomy")
        parser.add_argument("--media-dir", help="a local copy of wp-content/uploads")
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--parent", help="id or URL path of the page to import under")
        where.add_argument("--section", help="slug of the hub or partner whose section to use")
        parser.add_argument(
            "--dry-run", action="store_true", help="do everything, then roll it back"
        )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1

        def log(message):
            if verbose:
                self.stdout.write(message)
                self.stdout.flush()

        settings = Options(
            path=Path(options["export"]),
            mapping=Path(options["mapping"]) if options["mapping"] else None,
            media_dir=Path(options["media_dir"]) if options["media_dir"] else None,
            parent=options["parent"],
            section=options["section"],
            dry_run=options["dry_run"],
        )
        try:
            report = Importer(settings, log=log).run()
        except ImportFailed as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        if verbose:
            self.print_report(report, settings)

    def print_report(self, report, settings):
        write = self.stdout.write
        title = f"Report for {settings.path.name} (WXR {report.version})"
        if settings.dry_run:
            title += ": dry run, nothing was saved"
        write(title)
        for model, parent in sorted(report.placed.items()):
            write(f"  {model} go under {parent}")
        write(f"  {'':<14}" + "".join(f"{o:>11}" for o in OUTCOMES))
        for kind, counts in report.counts.items():
            write(f"  {kind:<14}" + "".join(f"{counts[o]:>11}" for o in OUTCOMES))
        sections = [
            ("Skipped", [f"{label}: {reason}" for label, reason in report.skipped]),
            (
                "Files not found (nothing is downloaded)",
                [f"{path} ({label}): {reason}" for label, path, reason in report.missing],
            ),
            ("To check by hand", [f"{label}: {note}" for label, note in report.notes]),
        ]
        for heading, lines in sections:
            if lines:
                write(f"{heading}:")
                for line in lines:
                    write(f"  - {line}")
