"""What a strict Content-Security-Policy would block in a page: inline scripts and styles. A
JSON-LD block is data, not a script a browser runs, so it may stay."""

import re

_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


def inline_code(page: str) -> list[str]:
    scripts = [
        match.group(0)
        for match in _SCRIPT.finditer(page)
        if "src=" not in match.group(1) and "application/ld+json" not in match.group(1)
    ]
    return scripts + [match.group(0) for match in _STYLE.finditer(page)]
