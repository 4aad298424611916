"""Working hours across time zones: each side's week (``week``) and their overlap (``overlap``).

Pure Python over plain values (no ORM, no Django). Callers import from here:
``from matching import working_hours as wh``.
"""

from marketplace.vocabulary import DEFAULT_WORKING_HOURS
from matching.working_hours.overlap import (
    daily_overlap_hours,
    overlap_in_client_time,
    overlap_score,
    overlap_table,
)
from matching.working_hours.week import (
    DEFAULT_TIMEZONE,
    DEFAULT_WANTED_OVERLAP_HOURS,
    MAX_WEEKS,
    WEEKDAYS,
    Window,
    WorkingHoursError,
    WorkWeek,
    first_workday,
    format_window,
    parse_timezone,
    parse_working_hours,
    work_week,
)

__all__ = [
    "DEFAULT_TIMEZONE",
    "DEFAULT_WANTED_OVERLAP_HOURS",
    "DEFAULT_WORKING_HOURS",
    "MAX_WEEKS",
    "WEEKDAYS",
    "Window",
    "WorkWeek",
    "WorkingHoursError",
    "daily_overlap_hours",
    "first_workday",
    "format_window",
    "overlap_in_client_time",
    "overlap_score",
    "overlap_table",
    "parse_timezone",
    "parse_working_hours",
    "work_week",
]
