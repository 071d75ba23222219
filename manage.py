#!/usr/bin/env python
"""Django's manage.py; `herald` is the same command under the project's name."""

from herald.cli import main

if __name__ == "__main__":
    main()
