"""When a reader's next mail is due, in their own time zone: the hour they chose stays their
hour across daylight-saving changes."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsletter.models import Pace

# At the pace of each story, new stories are looked for this often.
EACH_EVERY = timedelta(minutes=10)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def at_local(day, hour: int, tz: ZoneInfo) -> datetime:
    """`hour` o'clock on `day` where the reader lives. An hour the clocks skip (spring forward)
    comes out an hour later; an hour they repeat (fall back), the first time."""
    local = datetime.combine(day, time(hour), tzinfo=tz)
    # A skipped hour has no UTC instant of its own: going through UTC lands after the gap.
    return local.astimezone(ZoneInfo("UTC"))


def next_due(
    pace: str, hour: int, weekday: int, time_zone: str, after: datetime
) -> datetime | None:
    """The first time after `after` that a mail of this pace is due; None for no digests."""
    if pace == Pace.EACH:
        return after + EACH_EVERY
    if pace not in (Pace.DAILY, Pace.WEEKLY):
        return None
    tz = zone(time_zone)
    day = after.astimezone(tz).date()
    for offset in range(8):  # today's hour may have passed: a week and a day always holds one
        candidate = day + timedelta(days=offset)
        if pace == Pace.WEEKLY and candidate.weekday() != weekday:
            continue
        due = at_local(candidate, hour, tz)
        if due > after:
            return due
    raise AssertionError("unreachable: eight days hold the hour")


def local_day(moment: datetime, time_zone: str):
    return moment.astimezone(zone(time_zone)).date()
