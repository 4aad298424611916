"""Output serializers shared by the project and match endpoints."""

from rest_framework import serializers

from marketplace.models import CHECKLIST_KEYS, Project


class ChecklistSerializer(serializers.Serializer):
    general_model_sufficient = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text="Does a general-purpose model or API already get most of the way?",
    )
    model_is_moat = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text="Is the model's accuracy on proprietary data the reason customers choose you?",
    )
    has_training_data = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text="Is there training data (volume, labels, governance)?",
    )
    needs_continuous_retraining = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text="Will the model need monitoring, retraining and drift detection in a year?",
    )
    needs_value_within_weeks = serializers.BooleanField(
        allow_null=True,
        required=False,
        help_text="Must it deliver value in days or weeks rather than months?",
    )

    def to_internal_value(self, data: object) -> dict[str, bool | None]:
        if isinstance(data, dict):
            unknown = sorted(str(key) for key in data if key not in CHECKLIST_KEYS)
            if unknown:
                raise serializers.ValidationError(
                    {key: ["Unknown checklist question."] for key in unknown}
                )
        return super().to_internal_value(data)


class ProjectOutputSerializer(serializers.ModelSerializer):
    checklist = serializers.SerializerMethodField()
    role_need = serializers.SerializerMethodField()

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
            "status",
            "failure_reason",
            "role_need",
            "role_confidence",
            "role_rationale",
            "clarifying_questions",
            "classifier_version",
            "trade_offs",
            "no_match_reason",
            "created_at",
            "updated_at",
            "matched_at",
        ]
        read_only_fields = fields

    def get_checklist(self, project: Project) -> dict[str, bool | None]:
        return project.checklist

    def get_role_need(self, project: Project) -> str | None:
        if project.status == Project.Status.PENDING and not project.role_override:
            return None
        return project.role_override or project.role_need or None
