"""The `herald` command: Django's management commands under the project's name
(`herald run`, `herald worker`, `herald scheduler`, `herald check`, `herald sources add URL`,
`herald fetch [SOURCE]`, and every other manage.py command)."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["herald", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
