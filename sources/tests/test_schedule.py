import random
from datetime import UTC, datetime, timedelta

from sources import schedule

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def test_the_longest_server_hint_wins():
    headers = {"cache-control": "public, max-age=600", "expires": "Sun, 29 Nov 2026 13:00:00 GMT"}
    assert schedule.server_hint(headers, 30, NOW) == 3600
    assert schedule.server_hint({"cache-control": "s-maxage=900, max-age=60"}, None, NOW) == 900
    assert schedule.server_hint({}, 45, NOW) == 2700


def test_hints_that_make_no_sense_ask_for_nothing():
    headers = {"cache-control": "no-cache, max-age=soon", "expires": "0"}
    assert schedule.server_hint(headers, -5, NOW) == 0
    assert schedule.server_hint({"expires": "Sat, 28 Nov 2026 12:00:00 GMT"}, None, NOW) == 0


def test_retry_after_takes_seconds_or_a_date_and_is_capped():
    assert schedule.retry_after({"retry-after": "120"}, NOW) == timedelta(minutes=2)
    date = {"retry-after": "Sun, 29 Nov 2026 14:00:00 GMT"}
    assert schedule.retry_after(date, NOW) == timedelta(hours=2)
    assert schedule.retry_after({"retry-after": "99999999"}, NOW) == timedelta(days=7)
    assert schedule.retry_after({"retry-after": "whenever"}, NOW) is None
    assert schedule.retry_after({}, NOW) is None


def test_adapting_stays_within_the_bounds():
    assert schedule.adapt(1000, True, 300, 86400) == 750
    assert schedule.adapt(1000, False, 300, 86400) == 1500
    assert schedule.adapt(350, True, 300, 86400) == 300
    assert schedule.adapt(80000, False, 300, 86400) == 86400


def test_jitter_spreads_within_ten_percent():
    rng = random.Random(7)
    waits = {schedule.jittered(1000, rng).total_seconds() for _ in range(50)}
    assert len(waits) > 40 and min(waits) >= 900 and max(waits) <= 1100
