"""Working-hours overlap across time zones: parsing, real-instant overlap, table, score."""

import logging
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matching.working_hours import (
    DEFAULT_WANTED_OVERLAP_HOURS,
    DEFAULT_WORKING_HOURS,
    Window,
    WorkingHoursError,
    WorkWeek,
    daily_overlap_hours,
    first_workday,
    format_window,
    overlap_in_client_time,
    overlap_score,
    overlap_table,
    parse_timezone,
    parse_working_hours,
    work_week,
)

# Today is 2026-12-01; projects start in the coming weeks and months.
JAN_MONDAY = date(2027, 1, 4)
JAN_TUESDAY = date(2027, 1, 5)
JAN_FRIDAY = date(2027, 1, 8)
# The US changes to summer time on 2027-03-14, the EU on 2027-03-28.
US_CHANGED_EU_NOT_MONDAY = date(2027, 3, 15)
BOTH_CHANGED_MONDAY = date(2027, 3, 29)
US_SPRING_FORWARD_SUNDAY = date(2027, 3, 14)
US_FALL_BACK_SUNDAY = date(2027, 11, 7)

ALL_DAYS = frozenset(range(7))


def week(timezone: str, hours: str = DEFAULT_WORKING_HOURS, **kwargs: frozenset[int]) -> WorkWeek:
    return WorkWeek(timezone=timezone, window=parse_working_hours(hours), **kwargs)


NEW_YORK = week("America/New_York")
LONDON = week("Europe/London")
UTC = week("UTC")


# --- parsing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("09:00-17:00", 9 * 60, 17 * 60),
        ("09:00 - 17:00", 9 * 60, 17 * 60),
        ("  07:30-15:45 ", 7 * 60 + 30, 15 * 60 + 45),
        ("22:00-06:00", 22 * 60, 6 * 60),
        ("18:00-24:00", 18 * 60, 24 * 60),
        ("00:00-24:00", 0, 24 * 60),
    ],
)
def test_valid_windows_parse_to_local_minutes(text: str, start: int, end: int) -> None:
    # given a well-formed window
    # when it is parsed
    window = parse_working_hours(text)
    # then it holds minutes from local midnight
    assert window == Window(start=start, end=end)


def test_window_crossing_midnight_knows_its_length() -> None:
    # given a night shift
    window = parse_working_hours("22:00-06:00")
    # when its shape is asked
    # then it crosses midnight and lasts eight hours
    assert window.crosses_midnight
    assert window.hours == 8.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00-26:00", "hours must be 00-23"),
        ("09:00-09:00", "the window is empty: start and end are the same"),
        ("00:00-00:00", "the window is empty"),
        ("09:60-17:00", "minutes must be 00-59"),
        ("24:00-06:00", "24:00 can only end a window"),
        ("09:00-24:30", "hours must be 00-23"),
        ("9-5", "must look like '09:00-17:00', got '9-5'"),
        ("", "must look like '09:00-17:00'"),
        ("nine to five", "must look like '09:00-17:00'"),
        ("09:00-17:00-18:00", "must look like '09:00-17:00'"),
        ("\u0660\u0669:00-17:00", "must look like '09:00-17:00'"),
    ],
)
def test_malformed_windows_are_refused_naming_the_problem(text: str, message: str) -> None:
    # given a window that cannot be used
    # when it is parsed
    with pytest.raises(WorkingHoursError) as raised:
        parse_working_hours(text)
    # then the message says what is wrong
    assert message in str(raised.value)


def test_error_message_does_not_echo_a_huge_input() -> None:
    # given a megabyte of garbage
    text = "9" * 1_000_000
    # when it is parsed
    with pytest.raises(WorkingHoursError) as raised:
        parse_working_hours(text)
    # then the message stays short
    assert len(str(raised.value)) < 120


def test_format_window_writes_canonical_text() -> None:
    # given windows parsed from loose spellings
    # when they are formatted
    # then they read as HH:MM-HH:MM
    assert format_window(parse_working_hours(" 09:00 -17:00 ")) == "09:00-17:00"
    assert format_window(parse_working_hours("22:00 - 06:00")) == "22:00-06:00"
    assert format_window(parse_working_hours("18:00-24:00")) == "18:00-24:00"


def test_known_time_zone_resolves() -> None:
    # given an IANA name with a 45-minute offset
    # when it is resolved
    zone = parse_timezone("Asia/Kathmandu")
    # then it is that zone
    assert zone.key == "Asia/Kathmandu"


@pytest.mark.parametrize(
    "name",
    [
        "Mars/Base",
        "../../etc/passwd",
        "",
        "America",
        "America/",
        "/etc/localtime",
        "localtime",
        "posixrules",
        "UTC\x00",
        "Europe/Lon don",
        "x" * 5000,
        "Europe/../Europe/London",
    ],
)
def test_unknown_or_path_like_time_zones_are_refused(name: str) -> None:
    # given a name that is not an IANA time zone
    # when it is resolved
    with pytest.raises(WorkingHoursError) as raised:
        parse_timezone(name)
    # then one clean error says so
    assert str(raised.value).startswith("unknown time zone ")
    assert len(str(raised.value)) < 80


def test_unknown_time_zone_message_names_it() -> None:
    # given a made-up zone
    # when it is resolved
    with pytest.raises(WorkingHoursError) as raised:
        parse_timezone("Mars/Base")
    # then the message quotes it
    assert str(raised.value) == "unknown time zone 'Mars/Base'"


def test_work_week_refuses_an_unknown_zone_and_impossible_days() -> None:
    # given bad parts of a work week
    window = parse_working_hours(DEFAULT_WORKING_HOURS)
    # when a week is built from them
    # then it is refused up front, not in the middle of ranking
    with pytest.raises(WorkingHoursError, match="unknown time zone"):
        WorkWeek(timezone="Mars/Base", window=window)
    with pytest.raises(WorkingHoursError, match="workdays"):
        WorkWeek(timezone="UTC", window=window, workdays=frozenset({7}))
    with pytest.raises(WorkingHoursError, match="workdays"):
        WorkWeek(timezone="UTC", window=window, workdays=frozenset())


def test_work_week_fills_blank_fields_with_specialist_defaults() -> None:
    # given a specialist who set neither a zone nor hours
    # when their week is built
    specialist = work_week(timezone="", working_hours=None)
    # then it is 09:00-17:00 UTC, Monday to Friday
    assert specialist == week("UTC", "09:00-17:00")


def test_first_workday_skips_the_weekend() -> None:
    # given a start on a Saturday
    saturday = date(2027, 1, 2)
    # when the first working day is asked
    # then it is the Monday after; a working day is its own answer
    assert first_workday(week=NEW_YORK, start=saturday) == JAN_MONDAY
    assert first_workday(week=NEW_YORK, start=JAN_TUESDAY) == JAN_TUESDAY


# --- overlap on real instants ------------------------------------------------


def test_new_york_and_london_share_three_hours_in_january() -> None:
    # given a New York client and a London specialist, both 09:00-17:00
    # when overlap is computed over January weeks
    hours = daily_overlap_hours(client=NEW_YORK, specialist=LONDON, start=JAN_MONDAY)
    # then they share 09:00-12:00 New York time
    assert hours == 3.0
    assert overlap_in_client_time(client=NEW_YORK, specialist=LONDON, on=JAN_MONDAY) == [
        ("09:00", "12:00")
    ]


def test_us_summer_time_before_europe_gives_four_hours() -> None:
    # given the week when the US has changed its clocks and the EU has not
    # when overlap is computed for that week only
    hours = daily_overlap_hours(
        client=NEW_YORK, specialist=LONDON, start=US_CHANGED_EU_NOT_MONDAY, weeks=1
    )
    # then New York is only four hours behind London, and back to three once both changed
    assert hours == 4.0
    assert overlap_in_client_time(
        client=NEW_YORK, specialist=LONDON, on=US_CHANGED_EU_NOT_MONDAY
    ) == [("09:00", "13:00")]
    assert (
        daily_overlap_hours(client=NEW_YORK, specialist=LONDON, start=BOTH_CHANGED_MONDAY, weeks=1)
        == 3.0
    )


def test_mixed_weeks_average_over_client_days() -> None:
    # given two weeks: one with a four-hour overlap, one with three
    # when they are averaged
    hours = daily_overlap_hours(
        client=NEW_YORK, specialist=LONDON, start=date(2027, 3, 22), weeks=2
    )
    # then the mean over the ten client days is 3.5
    assert hours == 3.5


def test_kathmandu_quarter_hour_offset_counts_exact_minutes() -> None:
    # given a UTC client and a Kathmandu (+05:45) specialist, both 09:00-17:00
    kathmandu = week("Asia/Kathmandu")
    # when overlap is computed
    hours = daily_overlap_hours(client=UTC, specialist=kathmandu, start=JAN_MONDAY)
    # then Kathmandu's 17:00 is 11:15 UTC: 2 h 15 min
    assert hours == 2.25
    assert overlap_in_client_time(client=UTC, specialist=kathmandu, on=JAN_MONDAY) == [
        ("09:00", "11:15")
    ]


def test_kolkata_half_hour_offset_counts_exact_minutes() -> None:
    # given a UTC client and a Kolkata (+05:30) specialist
    kolkata = week("Asia/Kolkata")
    # when overlap is computed
    # then Kolkata's 17:00 is 11:30 UTC
    assert daily_overlap_hours(client=UTC, specialist=kolkata, start=JAN_MONDAY) == 2.5


def test_night_window_crossing_midnight_counts_from_the_day_it_starts() -> None:
    # given a Tokyo client (09:00-17:00 = 00:00-08:00 UTC) and a UTC night
    # shift 22:00-06:00 worked on the nights starting Monday to Friday
    tokyo = week("Asia/Tokyo")
    night = week("UTC", "22:00-06:00")
    # when overlap is computed
    hours = daily_overlap_hours(client=tokyo, specialist=night, start=JAN_MONDAY)
    tuesday = overlap_in_client_time(client=tokyo, specialist=night, on=JAN_TUESDAY)
    monday = overlap_in_client_time(client=tokyo, specialist=night, on=JAN_MONDAY)
    # then Tuesday to Friday share 09:00-15:00 Tokyo time; Tokyo's Monday
    # would need the Sunday night shift, which is not worked
    assert tuesday == [("09:00", "15:00")]
    assert monday == []
    assert hours == round(4 * 6 / 5, 2)


def test_client_night_window_is_shown_across_midnight() -> None:
    # given a client working 22:00-06:00 UTC and a specialist 20:00-02:00 UTC
    client = week("UTC", "22:00-06:00")
    specialist = week("UTC", "20:00-02:00")
    # when the shared hours of one client night are shown
    shared = overlap_in_client_time(client=client, specialist=specialist, on=JAN_MONDAY)
    # then they run across midnight in the client's time
    assert shared == [("22:00", "02:00")]
    assert daily_overlap_hours(client=client, specialist=specialist, start=JAN_MONDAY) == 4.0


def test_overlap_ending_at_client_midnight_reads_24_00() -> None:
    # given a client's evening that ends at midnight
    client = week("UTC", "18:00-24:00")
    specialist = week("UTC", "20:00-04:00")
    # when a specialist covers it to the end
    shared = overlap_in_client_time(client=client, specialist=specialist, on=JAN_MONDAY)
    # then the interval ends "24:00", not "00:00"
    assert shared == [("20:00", "24:00")]


def test_sydney_monday_morning_does_not_count_on_a_new_york_sunday() -> None:
    # given a New York client working evenings and a Sydney specialist
    # (in January New York is UTC-5 and Sydney UTC+11: 16 hours apart)
    client = week("America/New_York", "17:00-23:00")
    sydney = week("Australia/Sydney")
    # when overlap is computed over one week from Monday
    hours = daily_overlap_hours(client=client, specialist=sydney, start=JAN_MONDAY, weeks=1)
    # then New York Monday to Thursday evenings meet Sydney Tuesday to Friday
    # mornings; New York's Friday evening is Sydney's Saturday; Sydney's Monday
    # morning falls on New York's Sunday, which is not a client day
    assert overlap_in_client_time(client=client, specialist=sydney, on=JAN_MONDAY) == [
        ("17:00", "23:00")
    ]
    assert overlap_in_client_time(client=client, specialist=sydney, on=JAN_FRIDAY) == []
    assert hours == round(4 * 6 / 5, 2)


def test_sunday_counts_only_when_the_client_works_it() -> None:
    # given the same pair, but a client who works Sunday to Thursday
    client = week("America/New_York", "17:00-23:00", workdays=frozenset({6, 0, 1, 2, 3}))
    sydney = week("Australia/Sydney")
    # when overlap is computed
    hours = daily_overlap_hours(client=client, specialist=sydney, start=JAN_MONDAY, weeks=1)
    # then Sunday evening meets Sydney's Monday morning and every client day shares 6 h
    assert hours == 6.0


def test_new_york_sunday_evening_is_not_a_sydney_workday() -> None:
    # given a Sydney client and a New York specialist working evenings
    client = week("Australia/Sydney", "09:00-15:00")
    new_york_evenings = week("America/New_York", "17:00-23:00")
    # when overlap is computed
    hours = daily_overlap_hours(
        client=client, specialist=new_york_evenings, start=JAN_MONDAY, weeks=1
    )
    monday = overlap_in_client_time(client=client, specialist=new_york_evenings, on=JAN_MONDAY)
    # then Sydney's Monday morning is New York's Sunday evening: not worked
    assert monday == []
    assert hours == round(4 * 6 / 5, 2)


def test_manila_and_new_york_day_shifts_never_meet() -> None:
    # given Manila (UTC+8) and New York (UTC-5) both working 09:00-17:00
    manila = week("Asia/Manila")
    # when overlap is computed
    hours = daily_overlap_hours(client=NEW_YORK, specialist=manila, start=JAN_MONDAY)
    # then there is none
    assert hours == 0.0
    assert overlap_in_client_time(client=NEW_YORK, specialist=manila, on=JAN_MONDAY) == []


def test_specialist_with_default_hours_is_a_utc_day() -> None:
    # given a London client and a specialist with no zone or hours set
    specialist = work_week()
    # when overlap is computed in January (London is on UTC)
    hours = daily_overlap_hours(client=LONDON, specialist=specialist, start=JAN_MONDAY)
    # then the whole day is shared
    assert hours == 8.0


def test_spring_forward_day_counts_real_elapsed_hours() -> None:
    # given a client working Sundays, and a specialist available all day
    always = week("UTC", "00:00-24:00", workdays=ALL_DAYS)
    night = week("America/New_York", "00:00-06:00", workdays=frozenset({6}))
    day = week("America/New_York", "09:00-17:00", workdays=frozenset({6}))
    sunday = US_SPRING_FORWARD_SUNDAY
    # when overlap is computed on the Sunday the US springs forward
    night_hours = daily_overlap_hours(client=night, specialist=always, start=sunday, weeks=1)
    day_hours = daily_overlap_hours(client=day, specialist=always, start=sunday, weeks=1)
    # then the night loses its skipped hour and the working day keeps its 8 h
    assert night_hours == 5.0
    assert day_hours == 8.0


def test_fall_back_day_counts_the_repeated_hour() -> None:
    # given a New York night on the Sunday the US falls back
    always = week("UTC", "00:00-24:00", workdays=ALL_DAYS)
    night = week("America/New_York", "00:00-06:00", workdays=frozenset({6}))
    # when overlap is computed
    hours = daily_overlap_hours(client=night, specialist=always, start=US_FALL_BACK_SUNDAY, weeks=1)
    # then 01:00-02:00 happened twice and both count
    assert hours == 7.0


def test_window_ending_in_the_skipped_hour_counts_each_client_day_on_its_own() -> None:
    # given a New York window 03:00-02:30 worked every day, whose Saturday end
    # (02:30 on the spring-forward Sunday) does not exist and is read as 03:30
    client = week("America/New_York", "03:00-02:30", workdays=ALL_DAYS)
    always = week("UTC", "00:00-24:00", workdays=ALL_DAYS)
    # when overlap is computed over that week
    hours = daily_overlap_hours(client=client, specialist=always, start=date(2027, 3, 8), weeks=1)
    # then every day still counts its 23.5 h, Saturday's shared half hour with
    # Sunday included in both
    assert hours == 23.5


def test_weeks_out_of_range_are_refused() -> None:
    # given a number of weeks that is not a planning horizon
    # when overlap is computed
    # then it is refused
    with pytest.raises(WorkingHoursError, match="weeks"):
        daily_overlap_hours(client=NEW_YORK, specialist=LONDON, start=JAN_MONDAY, weeks=0)


# --- the roster table --------------------------------------------------------


def test_overlap_table_has_one_entry_per_distinct_pair() -> None:
    # given a roster with repeated and equivalently spelled pairs
    roster = [
        ("Europe/London", "09:00-17:00"),
        ("Europe/London", "09:00-17:00"),
        ("Europe/London", "09:00 - 17:00"),
        ("Asia/Manila", "09:00-17:00"),
        ("", ""),
    ]
    # when the table is built for a New York client
    table = overlap_table(client=NEW_YORK, specialists=roster, start=JAN_MONDAY)
    # then each distinct pair, as spelled, has its daily hours
    assert table == {
        ("Europe/London", "09:00-17:00"): 3.0,
        ("Europe/London", "09:00 - 17:00"): 3.0,
        ("Asia/Manila", "09:00-17:00"): 0.0,
        ("", ""): 3.0,
    }


def test_overlap_table_maps_invalid_pairs_to_zero_and_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given a roster with an unknown zone and unreadable hours
    roster = [("Mars/Base", "09:00-17:00"), ("UTC", "9-5"), ("Europe/London", "09:00-17:00")]
    roster_with_bad_types: list = [*roster, ("UTC", 9)]
    # when the table is built
    with caplog.at_level(logging.WARNING, logger="matching.working_hours"):
        table = overlap_table(client=NEW_YORK, specialists=roster_with_bad_types, start=JAN_MONDAY)
    # then bad pairs count as no overlap, the rest are computed, and bad ones are logged
    assert table == {
        ("Mars/Base", "09:00-17:00"): 0.0,
        ("UTC", "9-5"): 0.0,
        ("Europe/London", "09:00-17:00"): 3.0,
        ("UTC", 9): 0.0,
    }
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3
    assert "unknown time zone 'Mars/Base'" in warnings[0]


def test_overlap_table_agrees_with_daily_overlap_hours() -> None:
    # given a roster across the March weeks when clocks change
    roster = [("Europe/Berlin", "08:00-16:00"), ("Asia/Kolkata", "12:00-20:00")]
    # when the table is built
    table = overlap_table(client=NEW_YORK, specialists=roster, start=date(2027, 3, 8))
    # then each entry is the pair's daily overlap
    for timezone, hours in roster:
        expected = daily_overlap_hours(
            client=NEW_YORK, specialist=week(timezone, hours), start=date(2027, 3, 8)
        )
        assert table[(timezone, hours)] == expected


# --- the score ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "wanted", "window_hours", "expected"),
    [
        (4.0, 4.0, None, 1.0),
        (6.0, 4.0, None, 1.0),
        (0.0, 4.0, None, 0.0),
        (2.0, 4.0, None, 0.5),
        (2.0, 0.0, None, 2.0 / DEFAULT_WANTED_OVERLAP_HOURS),
        (3.0, 6.0, 3.0, 1.0),
        (1.5, 0.0, 3.0, 0.5),
    ],
)
def test_overlap_score_rises_linearly_to_what_is_wanted(
    hours: float, wanted: float, window_hours: float | None, expected: float
) -> None:
    # given daily overlap hours and the client's wish
    # when they are scored
    result = overlap_score(hours=hours, wanted=wanted, window_hours=window_hours)
    # then the score is the share of the wish that is met
    assert result == pytest.approx(expected)


# --- properties --------------------------------------------------------------

FIXED_OFFSET_ZONES = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Etc/GMT+5"]
ANY_ZONES = [
    *FIXED_OFFSET_ZONES,
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "America/Sao_Paulo",
    "Pacific/Kiritimati",
    "Etc/GMT+12",
    "Africa/Casablanca",
]

windows = (
    st.tuples(st.integers(0, 1439), st.integers(0, 1440))
    .filter(lambda pair: pair[0] != pair[1])
    .map(lambda pair: Window(start=pair[0], end=pair[1]))
)
workday_sets = st.frozensets(st.integers(0, 6), min_size=1)
starts = st.dates(min_value=date(2026, 12, 1), max_value=date(2028, 12, 31))


@given(
    client_zone=st.sampled_from(ANY_ZONES),
    specialist_zone=st.sampled_from(ANY_ZONES),
    client_window=windows,
    specialist_window=windows,
    client_days=workday_sets,
    specialist_days=workday_sets,
    start=starts,
    weeks=st.integers(1, 4),
)
def test_overlap_is_never_more_than_the_shorter_window(
    client_zone: str,
    specialist_zone: str,
    client_window: Window,
    specialist_window: Window,
    client_days: frozenset[int],
    specialist_days: frozenset[int],
    start: date,
    weeks: int,
) -> None:
    # given any two work weeks in zones with and without clock changes
    client = WorkWeek(timezone=client_zone, window=client_window, workdays=client_days)
    specialist = WorkWeek(
        timezone=specialist_zone, window=specialist_window, workdays=specialist_days
    )
    # when overlap is computed
    hours = daily_overlap_hours(client=client, specialist=specialist, start=start, weeks=weeks)
    # then it is at least 0 and at most the shorter window, which a repeated
    # autumn hour can lengthen by at most one hour on that day
    assert 0.0 <= hours <= min(client_window.hours, specialist_window.hours) + 1.0 + 0.005


@given(
    client_zone=st.sampled_from(FIXED_OFFSET_ZONES),
    specialist_zone=st.sampled_from(FIXED_OFFSET_ZONES),
    client_window=windows,
    specialist_window=windows,
    start=starts,
)
def test_overlap_without_clock_changes_is_within_the_shorter_window(
    client_zone: str,
    specialist_zone: str,
    client_window: Window,
    specialist_window: Window,
    start: date,
) -> None:
    # given two work weeks in zones that never change their clocks
    client = WorkWeek(timezone=client_zone, window=client_window)
    specialist = WorkWeek(timezone=specialist_zone, window=specialist_window)
    # when overlap is computed
    hours = daily_overlap_hours(client=client, specialist=specialist, start=start)
    # then it is within [0, the shorter window] (2-decimal rounding aside)
    assert 0.0 <= hours <= min(client_window.hours, specialist_window.hours) + 0.005


@given(
    zone=st.sampled_from(FIXED_OFFSET_ZONES),
    first=windows,
    second=windows,
    days=workday_sets,
    start=starts,
    weeks=st.integers(1, 4),
)
def test_overlap_in_one_zone_is_symmetric(
    zone: str, first: Window, second: Window, days: frozenset[int], start: date, weeks: int
) -> None:
    # given two work weeks in the same zone on the same days
    a = WorkWeek(timezone=zone, window=first, workdays=days)
    b = WorkWeek(timezone=zone, window=second, workdays=days)
    # when overlap is computed both ways round
    ab = daily_overlap_hours(client=a, specialist=b, start=start, weeks=weeks)
    ba = daily_overlap_hours(client=b, specialist=a, start=start, weeks=weeks)
    # then it is the same, and an equal window overlaps itself entirely
    assert ab == ba
    assert daily_overlap_hours(client=a, specialist=a, start=start, weeks=weeks) == round(
        first.hours, 2
    )


@given(
    low=st.floats(0, 24),
    high=st.floats(0, 24),
    wanted=st.floats(0, 8),
    window_hours=st.one_of(st.none(), st.floats(0.01, 24)),
)
def test_overlap_score_is_monotone_and_within_0_and_1(
    low: float, high: float, wanted: float, window_hours: float | None
) -> None:
    # given two overlaps, the smaller first
    low, high = sorted((low, high))
    # when both are scored against the same wish
    low_score = overlap_score(hours=low, wanted=wanted, window_hours=window_hours)
    high_score = overlap_score(hours=high, wanted=wanted, window_hours=window_hours)
    # then more overlap never scores less, and scores stay in [0, 1]
    assert 0.0 <= low_score <= high_score <= 1.0


@given(window=windows)
def test_format_and_parse_round_trip(window: Window) -> None:
    # given any valid window
    # when it is formatted and parsed back, and the text formatted again
    text = format_window(window)
    parsed = parse_working_hours(text)
    # then nothing is lost either way
    assert parsed == window
    assert format_window(parsed) == text


@given(window=windows, left=st.sampled_from(["", " "]), right=st.sampled_from(["", "  "]))
def test_spaces_around_the_dash_do_not_change_the_window(
    window: Window, left: str, right: str
) -> None:
    # given a window written with spaces around "-"
    start, end = format_window(window).split("-")
    # when it is parsed
    # then it is the same window
    assert parse_working_hours(f"{start}{left}-{right}{end}") == window


def test_table_dates_do_not_drift_with_weekday_of_start() -> None:
    # given the same four weeks started on a Saturday and on the Monday after
    saturday = JAN_MONDAY - timedelta(days=2)
    roster = [("Europe/London", "09:00-17:00")]
    # when the table is built for each (both spans hold 20 client workdays)
    on_saturday = overlap_table(client=NEW_YORK, specialists=roster, start=saturday)
    on_monday = overlap_table(client=NEW_YORK, specialists=roster, start=JAN_MONDAY)
    # then January gives the same three hours
    assert on_saturday == on_monday == {("Europe/London", "09:00-17:00"): 3.0}
