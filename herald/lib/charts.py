"""The desk's small charts: inline SVG drawn with attributes only (the desk's Content-Security-
Policy allows no inline style), readable without JavaScript."""

from datetime import date

from django.utils.html import format_html, format_html_join


def daily_bars(
    per_day: list[tuple[date, int | None]], noun: str, label: str, width: int = 4, height: int = 20
) -> str:
    """One bar a day from zero, each with its date and count as a tooltip; a day with nothing
    (or not counted: None) is a grey mark."""
    top = max((n for _, n in per_day if n), default=0) or 1
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
        (
            (
                i * width,
                height - h,
                width - 1,
                h,
                "#417690" if n else "#ccc",
                f"{day:%Y-%m-%d}",
                "not counted" if n is None else f"{n} {noun}{'s' if n != 1 else ''}",
            )
            for i, (day, n) in enumerate(per_day)
            for h in [max(1, round((height - 2) * (n or 0) / top))]
        ),
    )
    return format_html(
        '<svg width="{}" height="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        len(per_day) * width,
        height,
        len(per_day) * width,
        height,
        label,
        bars,
    )
