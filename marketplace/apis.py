"""Project endpoints: thin views that validate, call a service or selector, render."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.authentication import PartnerPrincipal
from accounts.models import Organization, User
from accounts.selectors import caller_is_staff, caller_organization
from marketplace.models import Project
from marketplace.pagination import StandardPagination
from marketplace.selectors import project_get, project_list
from marketplace.serializers import ChecklistSerializer, ProjectOutputSerializer
from marketplace.services.projects import project_submit

# The earliest calendar date anywhere on Earth (UTC-12): "today" for a client
# far west of UTC must not be rejected as a date in the past.
_EARLIEST_UTC_OFFSET = timedelta(hours=12)


def earliest_allowed_start() -> Any:
    return (timezone.now() - _EARLIEST_UTC_OFFSET).date()


class ProjectInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, min_length=1)
    description = serializers.CharField(max_length=20_000, min_length=20)
    hourly_budget_max = serializers.DecimalField(
        max_digits=7, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal("1000")
    )
    desired_start = serializers.DateField(input_formats=["%Y-%m-%d"])
    hours_per_week = serializers.IntegerField(min_value=1, max_value=60, default=40)
    required_skills = serializers.ListField(
        child=serializers.CharField(max_length=100, min_length=1),
        max_length=50,
        required=False,
        default=list,
    )
    checklist = ChecklistSerializer(required=False, default=dict)

    def validate_desired_start(self, value: Any) -> Any:
        if value < earliest_allowed_start():
            raise serializers.ValidationError("Must not be in the past.")
        return value


def _acting_organization(request: Request) -> Organization:
    organization = caller_organization(user=request.user)
    if organization is None:
        raise PermissionDenied("Only a client or partner account can submit projects.")
    return organization


class ProjectListCreateApi(APIView):
    @extend_schema(responses=ProjectOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        projects = project_list(
            organization=caller_organization(user=request.user),
            is_staff=caller_is_staff(user=request.user),
        )
        paginator = StandardPagination()
        page = paginator.paginate_queryset(projects, request, view=self)
        return paginator.get_paginated_response(ProjectOutputSerializer(page, many=True).data)

    @extend_schema(request=ProjectInputSerializer, responses={201: ProjectOutputSerializer})
    def post(self, request: Request) -> Response:
        organization = _acting_organization(request)
        serializer = ProjectInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = request.user
        project = project_submit(
            organization=organization,
            submitted_by=user if isinstance(user, User) else None,
            submitted_via_key=user.api_key if isinstance(user, PartnerPrincipal) else None,
            **serializer.validated_data,
        )
        return Response(ProjectOutputSerializer(project).data, status=status.HTTP_201_CREATED)


def _get_project_or_404(request: Request, project_id: int) -> Project:
    project = project_get(
        project_id=project_id,
        organization=caller_organization(user=request.user),
        is_staff=caller_is_staff(user=request.user),
    )
    if project is None:
        raise Http404
    return project


class ProjectDetailApi(APIView):
    @extend_schema(responses=ProjectOutputSerializer)
    def get(self, request: Request, project_id: int) -> Response:
        project = _get_project_or_404(request, project_id)
        return Response(ProjectOutputSerializer(project).data)
