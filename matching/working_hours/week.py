"""A side's working week: time zones and daily windows parsed and checked once.

The IANA zone and the "HH:MM-HH:MM" window are validated here, for every input
path (API, admin, import), and resolved into a ``WorkWeek`` whose per-day loops
need no parsing. The overlap arithmetic over two weeks is in ``overlap``.
"""

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marketplace.vocabulary import DEFAULT_WORKING_HOURS, is_time_zone

DEFAULT_TIMEZONE = "UTC"
DEFAULT_WANTED_OVERLAP_HOURS = 4.0
# Monday=0 ... Sunday=6, as date.weekday().
WEEKDAYS: frozenset[int] = frozenset(range(5))
MAX_WEEKS = 53

_MINUTES_PER_DAY = 24 * 60
ONE_DAY = timedelta(days=1)
# Two-digit fields only: "9-5" or "9:00" are more often typos than intent, and a
# strict shape keeps the stored text canonical. re.ASCII stops \d matching
# other scripts' digits.
_WINDOW_RE = re.compile(r"(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})", re.ASCII)


class WorkingHoursError(ValueError):
    """A time zone, a working-hours window or a work week cannot be used."""


def shown(text: object) -> str:
    # Messages quote what was given, but never a megabyte of it.
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."


@dataclass(frozen=True)
class Window:
    """A daily working window in local minutes from midnight.

    ``end`` is in 0..1440 (1440 is "24:00", so "00:00-24:00" is the whole day);
    ``end < start`` means the window crosses midnight and ends the next local
    day. ``start == end`` is refused: it could mean "never" or "all day", so
    neither is guessed.
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not all(type(value) is int for value in (self.start, self.end)):
            raise WorkingHoursError("a window's start and end are whole minutes")
        if not 0 <= self.start < _MINUTES_PER_DAY or not 0 <= self.end <= _MINUTES_PER_DAY:
            raise WorkingHoursError("a window's start and end must be within the day")
        if self.start == self.end:
            raise WorkingHoursError("the window is empty: start and end are the same")

    @property
    def crosses_midnight(self) -> bool:
        return self.end < self.start

    @property
    def minutes(self) -> int:
        """Nominal length on a day without a clock change."""
        if self.end > self.start:
            return self.end - self.start
        return self.end + _MINUTES_PER_DAY - self.start

    @property
    def hours(self) -> float:
        return self.minutes / 60


def parse_working_hours(text: str) -> Window:
    """Parse "HH:MM-HH:MM" (spaces allowed around "-"); "24:00" may end a window."""
    if not isinstance(text, str):
        raise WorkingHoursError(f"working hours must be text like '09:00-17:00', got {shown(text)}")
    match = _WINDOW_RE.fullmatch(text.strip())
    if match is None:
        raise WorkingHoursError(f"working hours must look like '09:00-17:00', got {shown(text)}")
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    if start_m > 59 or end_m > 59:
        raise WorkingHoursError(f"minutes must be 00-59, got {shown(text)}")
    if start_h == 24:
        raise WorkingHoursError(f"24:00 can only end a window, got {shown(text)}")
    if start_h > 23 or end_h > 24 or (end_h == 24 and end_m != 0):
        raise WorkingHoursError(f"hours must be 00-23 (or 24:00 as an end), got {shown(text)}")
    start = start_h * 60 + start_m
    end = end_h * 60 + end_m
    if start == end:
        raise WorkingHoursError(
            f"the window is empty: start and end are the same, got {shown(text)}"
        )
    return Window(start=start, end=end)


def format_window(window: Window) -> str:
    """The canonical text of a window: parse_working_hours(format_window(w)) == w."""
    return f"{_hhmm(window.start)}-{_hhmm(window.end)}"


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# ZoneInfo keeps only a few zones alive strongly; without this a roster of a
# few hundred zones re-reads its tz files on every ranking. Failures raise, and
# lru_cache does not keep those.
@functools.lru_cache(maxsize=1024)
def parse_timezone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name, or WorkingHoursError for anything else."""
    unknown = WorkingHoursError(f"unknown time zone {shown(name)}")
    # Only names of the shipped database (the list the OpenAPI document gives):
    # dots, absolute paths, NUL bytes and huge strings never reach the
    # filesystem lookup, and every host accepts the same names.
    if not isinstance(name, str) or not is_time_zone(name):
        raise unknown
    try:
        return ZoneInfo(name)
    # Not found is a KeyError; a directory such as "America" is an OSError;
    # malformed keys are ValueError. All mean the same thing to a caller.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise unknown from None


@dataclass(frozen=True)
class WorkWeek:
    """One side's working time: a zone, a daily window and local working days."""

    timezone: str
    window: Window
    workdays: frozenset[int] = WEEKDAYS
    # Resolved once, so the per-day loops do no parsing or lookups: the zone,
    # the local start time, and the local end as (days after the start day,
    # time), e.g. "22:00-06:00" ends 1 day later at 06:00 and "24:00" is 00:00
    # the next day.
    zone: ZoneInfo = field(init=False, repr=False, compare=False)
    begin_time: time = field(init=False, repr=False, compare=False)
    end_after: timedelta = field(init=False, repr=False, compare=False)
    end_time: time = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "zone", parse_timezone(self.timezone))
        if not isinstance(self.window, Window):
            raise WorkingHoursError("window must be a Window (see parse_working_hours)")
        start, end = self.window.start, self.window.end
        if self.window.crosses_midnight:
            end += _MINUTES_PER_DAY
        end_days, end_minute = divmod(end, _MINUTES_PER_DAY)
        object.__setattr__(self, "begin_time", time(start // 60, start % 60))
        object.__setattr__(self, "end_after", timedelta(days=end_days))
        object.__setattr__(self, "end_time", time(end_minute // 60, end_minute % 60))
        if not self.workdays or not all(
            isinstance(day, int) and 0 <= day <= 6 for day in self.workdays
        ):
            raise WorkingHoursError("workdays must be one or more of 0 (Monday) to 6 (Sunday)")
        object.__setattr__(self, "workdays", frozenset(self.workdays))


def work_week(
    *,
    timezone: str | None = None,
    working_hours: str | None = None,
    workdays: frozenset[int] = WEEKDAYS,
) -> WorkWeek:
    """A WorkWeek from stored fields, where a blank or missing field takes its default.

    Defaults: time zone "UTC", hours "09:00-17:00". This is the specialist's
    rule; a project without a time zone has no overlap criterion at all, so the
    caller decides that before building the client's week.
    """
    if not isinstance(timezone, str | None) or not isinstance(working_hours, str | None):
        # A roster row is data, not code: a wrong type is a bad value, not a crash.
        raise WorkingHoursError(
            f"time zone and working hours must be text, got {shown((timezone, working_hours))}"
        )
    return WorkWeek(
        timezone=(timezone or "").strip() or DEFAULT_TIMEZONE,
        window=parse_working_hours((working_hours or "").strip() or DEFAULT_WORKING_HOURS),
        workdays=workdays,
    )


def first_workday(*, week: WorkWeek, start: date) -> date:
    """The first of the week's local working days on or after ``start``."""
    day = as_date(start)
    while day.weekday() not in week.workdays:
        day += ONE_DAY
    return day


def as_date(value: date) -> date:
    # datetime is a subclass of date; its time of day must not leak in.
    return value.date() if isinstance(value, datetime) else value
