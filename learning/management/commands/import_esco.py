"""manage.py import_esco DIR [--languages en,de] [--isco-groups 2163,2166] [--all]"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning import esco_import


class Command(BaseCommand):
    help = (
        "Import ESCO occupations, skills, ISCO groups and their relations from ESCO's CSV "
        "download (a directory of CSV files, the download's zip files, or one zip file). "
        "By default only the cultural and creative ISCO groups and their skills are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="directory with the CSV or zip files, or a zip")
        parser.add_argument(
            "--languages", default="en", help="comma-separated language codes (default: en)"
        )
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--isco-groups",
            help="comma-separated ISCO-08 codes (prefixes) of the occupations to keep",
        )
        group.add_argument("--all", action="store_true", help="import every occupation and skill")

    def handle(self, *args, **options):
        started = time.monotonic()
        verbose = options["verbosity"] >= 1

        def log(message):
            if verbose:
                self.stdout.write(message)
                self.stdout.flush()

        try:
            languages = esco_import.parse_languages(options["languages"])
            if options["all"]:
                groups = None
            elif options["isco_groups"]:
                groups = esco_import.parse_isco_groups(options["isco_groups"])
            else:
                groups = esco_import.CREATIVE_ISCO_GROUPS
            source = esco_import.Source(Path(options["directory"]))
            log(
                f"Reading ESCO from {source.path} ({', '.join(languages)}; "
                + ("all ISCO groups" if groups is None else f"ISCO groups {', '.join(groups)}")
                + ")"
            )
            plan = esco_import.read(source, languages, groups, log=log)
        except esco_import.EscoImportError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error

        result = esco_import.write(plan, log=log)

        for (filename, reason), count in sorted(plan.skip_counts.items()):
            self.stderr.write(f"skipped {count} row(s) of {filename}: {reason}")
        for filename, line, reason in plan.skipped[:10]:
            where = f"{filename}, line {line}" if line else filename
            self.stderr.write(f"  e.g. {where}: {reason}")
        for kind, count in sorted(plan.filtered.items()):
            log(f"left out {count} {kind} outside the selected ISCO groups")
        summary = ", ".join(
            f"{kind}: {result.created[kind]} new, {result.updated[kind]} changed"
            for kind in sorted(set(result.created) | set(result.updated))
        )
        if result.deleted["relations"]:
            summary += f", relations removed: {result.deleted['relations']}"
        self.stdout.write(
            self.style.SUCCESS(f"ESCO import done in {time.monotonic() - started:.1f}s. {summary}")
        )
