"""The calendar every date a caller, staff or a roster file gives is held to.

Dates far from today are typing mistakes or probes: 0001-01-01 and
9999-12-31 parse, but arithmetic on them (a start window, an overlap of
availability) runs off the calendar and fails. Every input path (the API,
the admin's forms, the roster import) checks against the same bounds:
``INPUT_DATE_MIN`` (2000-01-01) to ``INPUT_DATE_MAX_YEARS_AHEAD`` (5) years
from today.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone


def latest_allowed_date() -> date:
    today = timezone.localdate()
    years = settings.INPUT_DATE_MAX_YEARS_AHEAD
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February, in a year that has none
        return today.replace(year=today.year + years, day=28)


def date_out_of_bounds(value: date) -> str | None:
    """Why ``value`` is refused, or None when it is within the bounds."""
    earliest = date.fromisoformat(settings.INPUT_DATE_MIN)
    if value < earliest:
        return f"Must be on or after {earliest.isoformat()}."
    latest = latest_allowed_date()
    if value > latest:
        years = settings.INPUT_DATE_MAX_YEARS_AHEAD
        return f"Must be on or before {latest.isoformat()} (at most {years} years ahead)."
    return None


def validate_date_in_bounds(value: date) -> None:
    """A Django (and DRF) field validator for the bounds."""
    problem = date_out_of_bounds(value)
    if problem:
        raise ValidationError(problem, code="date_out_of_bounds")
