"""Input fields whose OpenAPI schema states the rule they enforce, as exactly as a pattern can.

A partner's generated client or validator then refuses what the API would refuse:
USD rates, overlap hours, working-hours windows, calendar dates and time zones.
Rules a schema cannot state are in each field's description.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import StrictCharField
from marketplace.vocabulary import TIME_ZONES

# What the OpenAPI document states of these fields, as exactly as a pattern can.
# A USD rate: > 0 and <= 1000, at most two decimals (a number is accepted too).
USD_RATE_SCHEMA = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^(?:0\.(?:0[1-9]|[1-9][0-9]?)|[1-9][0-9]{0,2}(?:\.[0-9]{1,2})?|1000(?:\.00?)?)$",
}
# 0-8 hours, at most one decimal.
OVERLAP_HOURS_SCHEMA = {
    "type": "string",
    "format": "decimal",
    "pattern": r"^(?:[0-7](?:\.[0-9])?|8(?:\.0)?)$",
}
# "HH:MM-HH:MM"; 24:00 may end a window. (Start and end must differ: the description says so.)
WORKING_HOURS_PATTERN = (
    r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]-(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"
)
# A calendar date of this century's first decades (``format: date`` rules out
# 2027-02-30); the field's own rule (not in the past, not too far ahead) is in
# its description.
DATE_SCHEMA = {
    "type": "string",
    "format": "date",
    "pattern": r"^20[0-3][0-9]-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$",
}


# Subclasses carry the schema: a serializer deep-copies its fields, which would
# drop an annotation set on one field instance.
@extend_schema_field(USD_RATE_SCHEMA)
class UsdRateField(serializers.DecimalField):
    pass


@extend_schema_field(OVERLAP_HOURS_SCHEMA)
class OverlapHoursField(serializers.DecimalField):
    pass


@extend_schema_field(DATE_SCHEMA)
class CalendarDateField(serializers.DateField):
    pass


@extend_schema_field({"type": "string", "pattern": WORKING_HOURS_PATTERN})
class WorkingHoursField(StrictCharField):
    pass


@extend_schema_field(
    {"type": "string", "pattern": WORKING_HOURS_PATTERN.replace("^", "^(?:$|", 1) + ")"}
)
class OptionalWorkingHoursField(StrictCharField):
    """Working hours, or blank for the default."""


# The IANA names the API accepts, all of them (one component, ``TimeZoneEnum``,
# see ENUM_NAME_OVERRIDES).
@extend_schema_field({"type": "string", "enum": list(TIME_ZONES)})
class TimeZoneField(StrictCharField):
    pass


@extend_schema_field({"type": "string", "enum": ["", *TIME_ZONES]})
class OptionalTimeZoneField(StrictCharField):
    """A time zone, or blank for none."""
