"""The desk's subscriber counts: once a day, how many active readers get each section, kept as
anonymous numbers for the chart of the sections' readership over time."""

from datetime import date, timedelta

from articles.models import Section
from newsletter.digest import subscribers_of
from newsletter.models import SectionCount


def count_sections(day: date) -> int:
    """Store the day's count for each active section; counted again the same day, the newer
    count replaces the older. Returns how many sections were counted."""
    sections = list(Section.objects.filter(is_active=True))
    for section in sections:
        SectionCount.objects.update_or_create(
            day=day,
            section=section,
            defaults={"subscribers": subscribers_of(section.pk).count()},
        )
    return len(sections)


def history(last: date, days: int) -> dict[Section, list[tuple[date, int | None]]]:
    """For each section counted in the `days` days up to `last`, its count of each day (None:
    not counted that day), oldest first; sections in the editors' order."""
    first = last - timedelta(days=days - 1)
    rows = (
        SectionCount.objects.filter(day__gte=first, day__lte=last)
        .select_related("section")
        .order_by("section__order", "section__name", "day")
    )
    counts: dict[Section, dict[date, int]] = {}
    for row in rows:
        counts.setdefault(row.section, {})[row.day] = row.subscribers
    span = [first + timedelta(days=i) for i in range(days)]
    return {section: [(day, by_day.get(day)) for day in span] for section, by_day in counts.items()}
