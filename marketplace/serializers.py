"""Serializers shared by the project, specialist and match endpoints.

Input serializers are strict: a field they do not accept (a typo, or a
server-owned field such as ``status`` or ``role_need``) is rejected with a
400 naming it, never silently dropped and never set.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers import StrictCharField, StrictInputSerializer
from marketplace import vocabulary
from marketplace.dates import validate_date_in_bounds
from marketplace.fields import (
    CalendarDateField,
    OptionalTimeZoneField,
    OptionalWorkingHoursField,
    OverlapHoursField,
    TimeZoneField,
    UsdRateField,
    WorkingHoursField,
)
from marketplace.models import Project, Role, Specialist, validate_email_local_part
from marketplace.vocabulary import CHECKLIST_QUESTIONS, is_time_zone
from matching import working_hours as wh

# The earliest calendar date anywhere on Earth (UTC-12): "today" for a client
# far west of UTC must not be rejected as a date in the past.
_EARLIEST_UTC_OFFSET = timedelta(hours=12)


# What a client reads in ``failure_reason``. The stored reason is for staff and
# may carry an exception's text (internals); clients see it only when it is one
# of the plain reasons the recovery service writes (matching.services.recovery),
# and otherwise this. The detail stays in the admin, the failed run and the log.
UNEXPECTED_FAILURE = (
    "Matching failed because of an unexpected problem on our side; staff have the details "
    "and can run it again."
)
_PLAIN_FAILURE_PREFIX = "Matching did not complete after "


def client_failure_reason(reason: str) -> str:
    if not reason or reason.startswith(_PLAIN_FAILURE_PREFIX):
        return reason
    return UNEXPECTED_FAILURE


def earliest_allowed_start() -> date:
    return (timezone.now() - _EARLIEST_UTC_OFFSET).date()


class ChecklistSerializer(StrictInputSerializer):
    general_model_sufficient = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text=CHECKLIST_QUESTIONS["general_model_sufficient"],
    )
    model_is_moat = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text=CHECKLIST_QUESTIONS["model_is_moat"],
    )
    has_training_data = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text=CHECKLIST_QUESTIONS["has_training_data"],
    )
    needs_continuous_retraining = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text=CHECKLIST_QUESTIONS["needs_continuous_retraining"],
    )
    needs_value_within_weeks = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text=CHECKLIST_QUESTIONS["needs_value_within_weeks"],
    )


class InferredAnswerSerializer(serializers.Serializer):
    """One checklist answer as read from the brief (documents the output; never parses input)."""

    answer = serializers.BooleanField(
        allow_null=True, help_text="What the brief says; null when it says nothing."
    )
    confidence = serializers.FloatField(min_value=0, max_value=1)
    quote = serializers.CharField(help_text="The brief's own words; empty when it says nothing.")


InferredChecklistSerializer = type(
    "InferredChecklistSerializer",
    (serializers.Serializer,),
    {
        "__doc__": "The checklist as read from the brief, one entry per checklist key.",
        **{
            key: InferredAnswerSerializer(help_text=question)
            for key, question in CHECKLIST_QUESTIONS.items()
        },
    },
)
UNKNOWN_ANSWER = {"answer": None, "confidence": 0.0, "quote": ""}

# The shapes of the project's stored JSON, for the OpenAPI document: they
# document the output and never parse input.


class ClarifyingQuestionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The checklist key the question asks about.")
    question = serializers.CharField()


# Built with type(): a field named ``label`` would shadow Field.label in a class body.
BriefNeedSerializer = type(
    "BriefNeedSerializer",
    (serializers.Serializer,),
    {
        "key": serializers.CharField(),
        "label": serializers.CharField(),
        "kind": serializers.CharField(help_text="`skill` or `domain`."),
        "weight": serializers.FloatField(),
        "phrase": serializers.CharField(help_text="The brief's words that name the need."),
        "quote": serializers.CharField(help_text="The brief's sentence it came from."),
    },
)


class TradeOffSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text="`current`, or what changes: `budget`, `start` or `overlap`."
    )
    strong_candidates = serializers.IntegerField(min_value=0)
    additional_candidates = serializers.IntegerField(required=False)
    hourly_budget_max = serializers.CharField(
        required=False, help_text="USD per hour (`current` and `budget`)."
    )
    delta_usd_per_hour = serializers.IntegerField(required=False)
    desired_start = serializers.DateField(required=False, help_text="`current` and `start`.")
    delta_days = serializers.IntegerField(required=False)
    min_overlap_hours = serializers.FloatField(required=False)
    delta_hours = serializers.FloatField(required=False)
    message = serializers.CharField(help_text="The trade-off in plain words.")


class ProjectInputSerializer(StrictInputSerializer):
    """A client's brief (POST), or the changed parts of it (PATCH, ``partial=True``)."""

    title = StrictCharField(max_length=200, min_length=1)
    description = StrictCharField(max_length=20_000, min_length=20)
    hourly_budget_max = UsdRateField(
        max_digits=7,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal(vocabulary.HOURLY_RATE_MAX_USD),
        help_text="USD per hour: a decimal string or a number, > 0 and ≤ 1000.",
    )
    desired_start = CalendarDateField(
        input_formats=["%Y-%m-%d"],
        validators=[validate_date_in_bounds],
        help_text="`YYYY-MM-DD`, not in the past, at most five years ahead.",
    )
    hours_per_week = serializers.IntegerField(
        min_value=vocabulary.PROJECT_HOURS_MIN, max_value=vocabulary.PROJECT_HOURS_MAX, default=40
    )
    required_skills = serializers.ListField(
        child=StrictCharField(max_length=100, min_length=1),
        max_length=50,
        required=False,
        default=list,
    )
    checklist = ChecklistSerializer(
        required=False,
        default=dict,
        help_text=(
            "Answers to the hiring checklist: each `true`, `false` or `null` (unknown). "
            "On PATCH only the keys sent change."
        ),
    )

    timezone = OptionalTimeZoneField(
        max_length=vocabulary.TIME_ZONE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text=(
            "The client's IANA time zone (`America/New_York`). With it, matches are scored "
            "on daily overlap of working hours; without it, overlap plays no part."
        ),
    )
    working_hours = OptionalWorkingHoursField(
        max_length=13,
        required=False,
        allow_blank=True,
        help_text=(
            "The client's working day, `HH:MM-HH:MM` local (default `09:00-17:00` when a "
            "time zone is given). Needs `timezone`. Start and end differ."
        ),
    )
    min_overlap_hours = OverlapHoursField(
        max_digits=3,
        decimal_places=1,
        min_value=Decimal("0"),
        max_value=Decimal(vocabulary.MIN_OVERLAP_HOURS_MAX),
        required=False,
        help_text=(
            "0-8. Above 0, no match overlaps the client's day by less than this many hours "
            "(Monday-Friday on both sides); 0 (default) makes overlap a preference. Needs "
            "`timezone`."
        ),
    )

    def validate_desired_start(self, value: date) -> date:
        if value < earliest_allowed_start():
            raise serializers.ValidationError("Must not be in the past.")
        return value

    def validate_timezone(self, value: str) -> str:
        if not value:
            return ""
        try:
            wh.parse_timezone(value)
        except wh.WorkingHoursError as error:
            raise serializers.ValidationError(str(error)) from None
        return value

    def validate_working_hours(self, value: str) -> str:
        if not value:
            return ""
        try:
            return wh.format_window(wh.parse_working_hours(value))
        except wh.WorkingHoursError as error:
            raise serializers.ValidationError(str(error)) from None

    def validate(self, attrs: dict) -> dict:
        # On PATCH the time zone may already be on the project.
        instance_zone = getattr(self.instance, "timezone", "") if self.instance else ""
        zone = attrs.get("timezone", instance_zone)
        needs_zone = {
            name: "Needs a `timezone`: working hours are read in the client's time zone."
            for name in ("working_hours", "min_overlap_hours")
            if attrs.get(name) and not zone
        }
        if needs_zone:
            raise serializers.ValidationError(needs_zone)
        return attrs


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            key: {"type": "boolean", "nullable": True, "description": question}
            for key, question in CHECKLIST_QUESTIONS.items()
        },
        "additionalProperties": False,
    }
)
class _ChecklistAnswersField(serializers.SerializerMethodField):
    pass


class ProjectOutputSerializer(serializers.ModelSerializer):
    checklist = _ChecklistAnswersField(
        help_text="The client's answers, only the keys answered: each `true`, `false` or `null`."
    )
    role_need = serializers.SerializerMethodField()
    required_skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    role_confidence = serializers.FloatField(
        min_value=0, max_value=1, allow_null=True, read_only=True
    )
    role_rationale = serializers.ListField(child=serializers.CharField(), read_only=True)
    clarifying_questions = serializers.SerializerMethodField()
    trade_offs = serializers.SerializerMethodField(
        help_text=(
            "How many more strong candidates a higher budget, a later start or less "
            "overlap would bring."
        ),
    )
    failure_reason = serializers.SerializerMethodField(
        help_text="Why a `failed` project failed, in plain words; empty otherwise."
    )

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "description",
            "hourly_budget_max",
            "desired_start",
            "hours_per_week",
            "required_skills",
            "checklist",
            "timezone",
            "working_hours",
            "min_overlap_hours",
            "status",
            "failure_reason",
            "role_need",
            "role_confidence",
            "role_rationale",
            "clarifying_questions",
            "inferred_checklist",
            "classifier_version",
            "brief_needs",
            "trade_offs",
            "no_match_reason",
            "created_at",
            "updated_at",
            "matched_at",
        ]
        read_only_fields = fields

    working_hours = serializers.SerializerMethodField(
        help_text="The client's working day; null without a time zone."
    )
    timezone = serializers.SerializerMethodField(help_text="The client's IANA time zone, or null.")
    min_overlap_hours = serializers.FloatField(read_only=True)
    brief_needs = serializers.SerializerMethodField(
        help_text=(
            "Skills and problem domains read from the brief, most decisive first, each with "
            "the brief's own phrase and sentence (`quote`); the client's `required_skills` "
            "stay authoritative beside them. Empty while pending."
        )
    )

    inferred_checklist = serializers.SerializerMethodField(
        help_text=(
            "The checklist as read from the brief's own words: for each key the `answer` "
            "(null when the brief says nothing), a `confidence` and the `quote` it came from. "
            "The client's own `checklist` answers win over these; clarifying questions skip "
            "what the brief answered with confidence. All unknown while pending."
        )
    )

    def get_checklist(self, project: Project) -> dict[str, bool | None]:
        return project.checklist

    @extend_schema_field(InferredChecklistSerializer)
    def get_inferred_checklist(self, project: Project) -> dict[str, dict[str, Any]]:
        stored = project.inferred_checklist if isinstance(project.inferred_checklist, dict) else {}
        return {
            key: stored[key] if isinstance(stored.get(key), dict) else dict(UNKNOWN_ANSWER)
            for key in CHECKLIST_QUESTIONS
        }

    def get_failure_reason(self, project: Project) -> str:
        return client_failure_reason(project.failure_reason)

    def get_timezone(self, project: Project) -> str | None:
        return project.timezone or None

    def get_working_hours(self, project: Project) -> str | None:
        if not project.timezone:
            return None
        return project.working_hours or wh.DEFAULT_WORKING_HOURS

    @extend_schema_field(ClarifyingQuestionSerializer(many=True))
    def get_clarifying_questions(self, project: Project) -> list[dict[str, Any]]:
        return list(project.clarifying_questions or [])

    @extend_schema_field(TradeOffSerializer(many=True))
    def get_trade_offs(self, project: Project) -> list[dict[str, Any]]:
        return list(project.trade_offs or [])

    @extend_schema_field(BriefNeedSerializer(many=True))
    def get_brief_needs(self, project: Project) -> list[dict[str, Any]]:
        return list(project.brief_needs or [])

    @extend_schema_field(serializers.ChoiceField(choices=Role.choices, allow_null=True))
    def get_role_need(self, project: Project) -> str | None:
        if project.status == Project.Status.PENDING and not project.role_override:
            return None
        return project.role_override or project.role_need or None


class SpecialistInputSerializer(StrictInputSerializer):
    """Staff's roster entry (POST), or the changed parts of it (PATCH, ``partial=True``)."""

    name = StrictCharField(max_length=200, min_length=1)
    email = serializers.EmailField(
        max_length=254, help_text="Unique in the roster, compared in lower case."
    )
    phone = StrictCharField(max_length=40, required=False, allow_blank=True)
    headline = StrictCharField(max_length=300, required=False, allow_blank=True)
    tier = serializers.ChoiceField(choices=Role.choices)
    hourly_rate = UsdRateField(
        max_digits=7,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal(vocabulary.HOURLY_RATE_MAX_USD),
        help_text="USD per hour: a decimal string or a number, > 0 and ≤ 1000.",
    )
    available_from = CalendarDateField(
        input_formats=["%Y-%m-%d"],
        validators=[validate_date_in_bounds],
        help_text="`YYYY-MM-DD`, from 2000-01-01 to five years ahead.",
    )
    hours_per_week = serializers.IntegerField(
        min_value=vocabulary.SPECIALIST_HOURS_MIN,
        max_value=vocabulary.SPECIALIST_HOURS_MAX,
        required=False,
    )
    skills = serializers.ListField(
        child=StrictCharField(max_length=100, min_length=1), max_length=100, required=False
    )
    timezone = TimeZoneField(
        max_length=vocabulary.TIME_ZONE_MAX_LENGTH,
        required=False,
        help_text="An IANA name (`Europe/Berlin`), default `UTC`.",
    )
    working_hours = WorkingHoursField(
        max_length=13,
        required=False,
        help_text=(
            "`HH:MM-HH:MM` in the specialist's time zone (default `09:00-17:00`); "
            "start and end differ."
        ),
    )
    bio = StrictCharField(
        max_length=vocabulary.BIO_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Experience, past projects, domains, industries, data and tools.",
    )
    vetted = serializers.BooleanField(required=False)
    is_active = serializers.BooleanField(required=False)

    def validate_email(self, value: str) -> str:
        validate_email_local_part(value)
        return value.strip().lower()

    def validate_timezone(self, value: str) -> str:
        if not is_time_zone(value):
            raise serializers.ValidationError("Not a known IANA time zone.")
        return value

    def validate_working_hours(self, value: str) -> str:
        try:
            return wh.format_window(wh.parse_working_hours(value))
        except wh.WorkingHoursError as error:
            raise serializers.ValidationError(str(error)) from None


class SpecialistOutputSerializer(serializers.ModelSerializer):
    """Staff's view of a specialist, contact details included."""

    skills = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Specialist
        fields = [
            "id",
            "name",
            "email",
            "phone",
            "headline",
            "tier",
            "hourly_rate",
            "available_from",
            "hours_per_week",
            "committed_hours",
            "remaining_hours",
            "skills",
            "bio",
            "timezone",
            "working_hours",
            "vetted",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
