"""`herald check`: Django's system checks (with Herald's configuration checks), then a probe of
every service this process needs. Exits non-zero if anything is wrong."""

from django.core.management.base import CommandError
from django.core.management.commands import check

from herald.checks import PROBES, check_deployment


class Command(check.Command):
    help = "Check the configuration and that the database, cache, queue and mail relay answer."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-services", action="store_true", help="only the configuration checks"
        )

    def handle(self, *app_labels, no_services=False, **options):
        super().handle(*app_labels, **options)
        if not options["deploy"]:
            for advice in check_deployment(None):
                self.stderr.write(str(advice))
        if no_services:
            return
        failures = 0
        for name, probe in PROBES.items():
            try:
                self.stdout.write(f"{name}: ok ({probe()})")
            except Exception as error:  # any failure of a probe is the answer, not a crash
                failures += 1
                self.stderr.write(f"{name}: FAILED ({type(error).__name__}: {error})")
        if failures:
            raise CommandError(f"{failures} service(s) unreachable")
