"""The reader's hour stays their hour: in their time zone, across daylight-saving changes."""

from datetime import UTC, datetime

from newsletter.schedule import next_due


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_daily_digest_comes_at_the_readers_hour_in_their_time_zone():
    # 07:00 in Tokyo (UTC+9) is 22:00 UTC the day before.
    assert next_due("daily", 7, 0, "Asia/Tokyo", utc(2026, 11, 29, 12)) == utc(2026, 11, 29, 22)


def test_when_the_hour_has_passed_today_it_comes_tomorrow():
    after = utc(2026, 11, 29, 8)  # 09:00 in Madrid
    assert next_due("daily", 7, 0, "Europe/Madrid", after) == utc(2026, 11, 30, 6)


def test_the_hour_holds_across_the_spring_change():
    # Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 07:00 local is 06:00 then 05:00 UTC.
    before = next_due("daily", 7, 0, "Europe/Berlin", utc(2026, 3, 28, 7))
    after = next_due("daily", 7, 0, "Europe/Berlin", before)
    assert (before, after) == (utc(2026, 3, 29, 5), utc(2026, 3, 30, 5))
    assert next_due("daily", 7, 0, "Europe/Berlin", utc(2026, 3, 27, 7)) == utc(2026, 3, 28, 6)


def test_the_hour_holds_across_the_autumn_change():
    # New York goes back from UTC-4 to UTC-5 on 1 November 2026.
    saturday = next_due("daily", 8, 0, "America/New_York", utc(2026, 10, 31, 0))
    sunday = next_due("daily", 8, 0, "America/New_York", saturday)
    assert (saturday, sunday) == (utc(2026, 10, 31, 12), utc(2026, 11, 1, 13))


def test_an_hour_the_clocks_skip_comes_out_an_hour_later_not_never():
    # 02:00 does not exist in Berlin on 29 March 2026: the digest comes at 03:00 CEST.
    assert next_due("daily", 2, 0, "Europe/Berlin", utc(2026, 3, 28, 12)) == utc(2026, 3, 29, 1)


def test_an_hour_the_clocks_repeat_comes_once():
    # 01:00-02:00 happens twice in New York on 1 November 2026: the first one.
    first = next_due("daily", 1, 0, "America/New_York", utc(2026, 10, 31, 12))
    assert first == utc(2026, 11, 1, 5)
    assert next_due("daily", 1, 0, "America/New_York", first) == utc(2026, 11, 2, 6)


def test_a_weekly_digest_comes_on_the_chosen_day():
    # Sunday 29 November 2026; Friday is weekday 4.
    assert next_due("weekly", 18, 4, "UTC", utc(2026, 11, 29, 12)) == utc(2026, 12, 4, 18)
    assert next_due("weekly", 18, 6, "UTC", utc(2026, 11, 29, 12)) == utc(2026, 11, 29, 18)
    assert next_due("weekly", 18, 6, "UTC", utc(2026, 11, 29, 19)) == utc(2026, 12, 6, 18)


def test_an_unknown_time_zone_falls_back_to_utc():
    assert next_due("daily", 7, 0, "Mars/Olympus", utc(2026, 11, 29, 1)) == utc(2026, 11, 29, 7)


def test_stories_only_readers_have_no_digest():
    assert next_due("none", 7, 0, "UTC", utc(2026, 11, 29)) is None
