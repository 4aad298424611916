from rest_framework import serializers

from api.serializers import StrictCharField, StrictInputSerializer
from marketplace.models import Specialist
from matching.models import Match


class MatchedSpecialistSerializer(serializers.ModelSerializer):
    """What a client may see of a specialist: never email or phone."""

    skills = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Specialist
        fields = [
            "id",
            "name",
            "headline",
            "tier",
            "hourly_rate",
            "available_from",
            "skills",
            "bio",
            "timezone",
            "working_hours",
        ]
        read_only_fields = fields


class BreakdownSerializer(serializers.Serializer):
    tier = serializers.FloatField(min_value=0, max_value=1)
    budget = serializers.FloatField(min_value=0, max_value=1)
    start = serializers.FloatField(min_value=0, max_value=1)
    skills = serializers.FloatField(min_value=0, max_value=1, required=False)
    relevance = serializers.FloatField(
        min_value=0,
        max_value=1,
        required=False,
        help_text="Fit of the specialist's experience to the brief.",
    )
    timezone = serializers.FloatField(
        min_value=0,
        max_value=1,
        required=False,
        help_text="Daily overlap of working hours; present when the project gives a time zone.",
    )


class MatchOutputSerializer(serializers.ModelSerializer):
    specialist = MatchedSpecialistSerializer(read_only=True)
    breakdown = BreakdownSerializer(read_only=True)
    explanation = serializers.ListField(child=serializers.CharField(), read_only=True)
    rank = serializers.IntegerField(min_value=1, read_only=True, help_text="1 is the best.")
    score = serializers.FloatField(min_value=0, max_value=1, read_only=True)

    class Meta:
        model = Match
        fields = [
            "id",
            "rank",
            "score",
            "specialist",
            "breakdown",
            "explanation",
            "monthly_cost",
            "inhouse_monthly_cost",
            "review_status",
            "client_status",
            "client_reason",
        ]
        read_only_fields = fields


class ClientDecisionInputSerializer(StrictInputSerializer):
    reason = StrictCharField(
        max_length=2000, required=False, allow_blank=True, default="", help_text="Why, optional."
    )
