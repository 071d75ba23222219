"""The bundled demo newswire as sources, so a new portal has something to show at once."""

from newswire.outlets import OUTLETS
from sources.models import Source


def seed_newswire(wire_url: str) -> int:
    """Add every newswire outlet as a source (once). Returns how many were added."""
    added = 0
    for outlet in OUTLETS:
        _, created = Source.objects.get_or_create(
            feed_url=wire_url + outlet.feed_path,
            defaults={
                "name": outlet.name,
                "homepage": wire_url + outlet.home_path,
                "language": outlet.language,
                # Summary-only feeds are shown as excerpts; the wire's own text may be shown whole.
                "display": Source.Display.EXCERPT if outlet.summaries_only else Source.Display.FULL,
            },
        )
        added += created
    return added
