"""Query-string filters and orderings for list endpoints (django-filter).

Invalid values (an unknown status, ``2026-02-30``) are a 400 naming the
parameter, never silently ignored.
"""

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from marketplace.models import Project, Role, Specialist
from matching.models import Match


class ProjectFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Project.Status.choices)
    role_need = django_filters.ChoiceFilter(
        choices=Role.choices, method="filter_role_need", help_text="The effective role need."
    )
    created_after = django_filters.DateFilter(
        field_name="created_at", lookup_expr="date__gte", help_text="Created on or after (UTC)."
    )
    created_before = django_filters.DateFilter(
        field_name="created_at", lookup_expr="date__lte", help_text="Created on or before (UTC)."
    )
    desired_start_after = django_filters.DateFilter(field_name="desired_start", lookup_expr="gte")
    desired_start_before = django_filters.DateFilter(field_name="desired_start", lookup_expr="lte")
    ordering = django_filters.OrderingFilter(
        fields=("created_at", "desired_start", "hourly_budget_max", "status", "id"),
        help_text="Comma-separated; prefix with `-` for descending. Default: `-created_at`.",
    )

    class Meta:
        model = Project
        fields = ["status"]

    def filter_role_need(self, queryset: QuerySet[Project], name: str, value: str) -> Any:
        # Staff's override wins over the classifier, as in the project's output.
        return queryset.filter(Q(role_override=value) | Q(role_override="", role_need=value))


class SpecialistFilter(django_filters.FilterSet):
    tier = django_filters.ChoiceFilter(choices=Role.choices)
    vetted = django_filters.BooleanFilter()
    is_active = django_filters.BooleanFilter()
    available_before = django_filters.DateFilter(field_name="available_from", lookup_expr="lte")
    email = django_filters.CharFilter(lookup_expr="iexact")
    ordering = django_filters.OrderingFilter(
        fields=("name", "hourly_rate", "available_from", "created_at", "id"),
    )

    class Meta:
        model = Specialist
        fields = ["tier"]


class MatchFilter(django_filters.FilterSet):
    client_status = django_filters.ChoiceFilter(choices=Match.ClientStatus.choices)
    review_status = django_filters.ChoiceFilter(choices=Match.ReviewStatus.choices)
    min_score = django_filters.NumberFilter(field_name="score", lookup_expr="gte")
    ordering = django_filters.OrderingFilter(
        fields=(
            ("rank", "rank"),
            ("score", "score"),
            ("specialist__hourly_rate", "hourly_rate"),
            ("specialist__available_from", "available_from"),
        ),
        help_text="Comma-separated; prefix with `-` for descending. Default: `rank`.",
    )

    class Meta:
        model = Match
        fields = ["client_status"]
