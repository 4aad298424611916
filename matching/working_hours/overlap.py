"""Hours of overlap between a client's working day and a specialist's, across time zones.

Pure Python over plain values (no ORM, no Django), so ranking can turn the
overlap of each distinct (time zone, working hours) pair in the roster into a
small lookup table and let SQL join on it, instead of computing per row.

Every window is turned into real instants (UTC seconds) through ``zoneinfo``
before anything is compared, because local clock arithmetic is wrong exactly
where it matters: the weeks when one side has changed to summer time and the
other has not, half- and quarter-hour offsets (Asia/Kolkata, Asia/Kathmandu),
windows that cross midnight, and days that are working days on one side only.
Local times that do not exist or happen twice on a change day are read with
``fold=0`` (what ``datetime`` does by default) and normalised by the UTC
conversion, so a 09:00-17:00 day always counts its real elapsed hours.
"""

import logging
import math
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from matching.working_hours.week import (
    DEFAULT_WANTED_OVERLAP_HOURS,
    MAX_WEEKS,
    ONE_DAY,
    WorkingHoursError,
    WorkWeek,
    as_date,
    shown,
    work_week,
)

logger = logging.getLogger(__name__)

# An interval is (start, end) in POSIX seconds; end > start.
_Interval = tuple[int, int]


def _day_interval(week: WorkWeek, day: date) -> _Interval | None:
    """The week's window on local ``day`` as instants, or None on a day off."""
    if day.weekday() not in week.workdays:
        return None
    zone = week.zone
    # timestamp() goes through utcoffset() with fold=0: a nonexistent time is
    # read with the offset before the change, an ambiguous one as the first.
    begin_at = int(datetime.combine(day, week.begin_time, tzinfo=zone).timestamp())
    end_day = day + week.end_after
    end_at = int(datetime.combine(end_day, week.end_time, tzinfo=zone).timestamp())
    # Only a window lying wholly inside a skipped hour can come out empty.
    return (begin_at, end_at) if end_at > begin_at else None


def _client_days(client: WorkWeek, start: date, weeks: int) -> list[tuple[date, _Interval]]:
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise WorkingHoursError(f"weeks must be 1-{MAX_WEEKS}, got {shown(weeks)}")
    first = as_date(start)
    days = []
    for offset in range(7 * weeks):
        day = first + timedelta(days=offset)
        interval = _day_interval(client, day)
        if interval is not None:
            days.append((day, interval))
    return days


def _specialist_intervals(specialist: WorkWeek, begin_at: int, end_at: int) -> list[_Interval]:
    """The specialist's windows that may touch [begin_at, end_at), sorted and merged.

    The specialist's local dates are found from the real instants rather than
    as "the client's day +/- 1", which also covers zone pairs more than a day
    apart (Pacific/Kiritimati +14 against Etc/GMT+12). The day before the first
    date is included for a window that crosses midnight into it.
    """
    zone = specialist.zone
    day = datetime.fromtimestamp(begin_at, tz=zone).date() - ONE_DAY
    last = datetime.fromtimestamp(end_at, tz=zone).date()
    merged: list[_Interval] = []
    while day <= last:
        interval = _day_interval(specialist, day)
        day += ONE_DAY
        if interval is None:
            continue
        # Consecutive local days' windows cannot overlap, but around a clock
        # change fold=0 can make them touch; merging keeps the sum honest.
        if merged and interval[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], interval[1]))
        else:
            merged.append(interval)
    return merged


def _intersections(
    client_days: list[tuple[date, _Interval]], specialist: list[_Interval]
) -> list[list[_Interval]]:
    """For each client day, its intersections with the specialist's intervals.

    Both lists are sorted and each is disjoint, so one forward sweep suffices.
    """
    result: list[list[_Interval]] = []
    j = 0
    for _, (begin_at, end_at) in client_days:
        while j < len(specialist) and specialist[j][1] <= begin_at:
            j += 1
        parts = []
        k = j
        while k < len(specialist) and specialist[k][0] < end_at:
            lo, hi = max(begin_at, specialist[k][0]), min(end_at, specialist[k][1])
            if hi > lo:
                parts.append((lo, hi))
            k += 1
        result.append(parts)
    return result


def _overlap_seconds(client: list[_Interval], specialist: list[_Interval]) -> int:
    """Sum over client intervals of each one's intersection with the specialist's.

    This is the hot loop of overlap_table, so it only sums. The specialist's
    intervals are merged (disjoint); the client's are counted one by one, since
    consecutive client days may share a few minutes when a window ends inside a
    skipped hour, and each day counts on its own. Client starts only increase,
    so the pointer into the specialist's intervals only moves forward.
    """
    total = j = 0
    n = len(specialist)
    for begin_at, end_at in client:
        while j < n and specialist[j][1] <= begin_at:
            j += 1
        k = j
        while k < n:
            lo, hi = specialist[k]
            if lo >= end_at:
                break
            total += (end_at if end_at < hi else hi) - (begin_at if begin_at > lo else lo)
            k += 1
    return total


def _mean_overlap_hours(client_days: list[tuple[date, _Interval]], specialist: WorkWeek) -> float:
    if not client_days:
        return 0.0
    client = [interval for _, interval in client_days]
    specialist_intervals = _specialist_intervals(specialist, client[0][0], client[-1][1])
    seconds = _overlap_seconds(client, specialist_intervals)
    return round(seconds / 3600 / len(client), 2)


def daily_overlap_hours(
    *, client: WorkWeek, specialist: WorkWeek, start: date, weeks: int = 4
) -> float:
    """Mean hours per client working day that both sides are at work, to 2 decimals.

    Counted over the client's local working days from ``start`` for ``weeks``
    weeks; a specialist's window counts only on the specialist's own local
    working days, so Monday morning in Sydney adds nothing to a New York
    client whose Sunday evening it is.
    """
    return _mean_overlap_hours(_client_days(client, start, weeks), specialist)


def overlap_in_client_time(
    *, client: WorkWeek, specialist: WorkWeek, on: date
) -> list[tuple[str, str]]:
    """The shared intervals of client day ``on`` as client-local ("HH:MM", "HH:MM").

    Empty when ``on`` is not a client working day (pick it with first_workday)
    or nothing overlaps. An interval ending at the client's next midnight ends
    "24:00"; one crossing midnight reads e.g. ("22:00", "02:00").
    """
    day = as_date(on)
    interval = _day_interval(client, day)
    if interval is None:
        return []
    client_days = [(day, interval)]
    specialist_intervals = _specialist_intervals(specialist, interval[0], interval[1])
    zone = client.zone
    shown = []
    for lo, hi in _intersections(client_days, specialist_intervals)[0]:
        begin = datetime.fromtimestamp(lo, tz=zone)
        end = datetime.fromtimestamp(hi, tz=zone)
        end_text = f"{end:%H:%M}"
        if end_text == "00:00" and end.date() > begin.date():
            end_text = "24:00"
        shown.append((f"{begin:%H:%M}", end_text))
    return shown


def overlap_table(
    *,
    client: WorkWeek,
    specialists: Iterable[tuple[str, str]],
    start: date,
    weeks: int = 4,
) -> dict[tuple[str, str], float]:
    """Daily overlap hours for each distinct (timezone, working_hours) pair of a roster.

    Keys are the pairs exactly as given, so ranking can join them against the
    stored columns (a CASE or VALUES table in SQL). Blank fields take the
    specialist defaults (see work_week). A pair that cannot be read maps to
    0.0 and is logged: one bad profile must not stop a whole ranking.
    """
    client_days = _client_days(client, start, weeks)
    table: dict[tuple[str, str], float] = {}
    # "09:00 - 17:00" and "09:00-17:00" are the same week; compute it once.
    by_week: dict[WorkWeek, float] = {}
    for pair in specialists:
        if pair in table:
            continue
        timezone, working_hours = pair
        try:
            week = work_week(timezone=timezone, working_hours=working_hours)
        except WorkingHoursError as error:
            logger.warning(
                "working hours overlap: %s for time zone %s, hours %s; counted as 0",
                error,
                shown(timezone),
                shown(working_hours),
            )
            table[pair] = 0.0
            continue
        if week not in by_week:
            by_week[week] = _mean_overlap_hours(client_days, week)
        table[pair] = by_week[week]
    return table


def overlap_score(*, hours: float, wanted: float, window_hours: float | None = None) -> float:
    """How well ``hours`` of daily overlap meets what the client wants, in [0, 1].

    ``wanted`` is the project's min_overlap_hours; 0 or less (not set) means
    DEFAULT_WANTED_OVERLAP_HOURS. Given the client's window length
    (``window_hours``), wanted is clamped to it: a 3-hour client day cannot ask
    for 4 hours, and a specialist covering all of it must score 1. The score
    rises linearly from 0 at no overlap to 1 at ``wanted`` and stays there.
    """
    want = wanted if math.isfinite(wanted) and wanted > 0 else DEFAULT_WANTED_OVERLAP_HOURS
    if window_hours is not None and math.isfinite(window_hours) and window_hours > 0:
        want = min(want, window_hours)
    if math.isnan(hours) or hours <= 0:
        return 0.0
    return min(1.0, hours / want)
