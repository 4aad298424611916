"""Project and roster endpoints: thin views that validate, call a service or selector, render."""

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.authentication import PartnerPrincipal
from accounts.models import Organization, User
from accounts.permissions import IsStaffCaller
from accounts.selectors import caller_is_staff, caller_organization
from api.cached_reads import cached_read
from api.idempotency import idempotent_post
from api.openapi import IDEMPOTENCY_KEY_PARAMETER, error_response
from api.views import ScopedObjectApi, acting_organization
from marketplace.filters import ProjectFilter, SpecialistFilter
from marketplace.models import Project, Specialist
from marketplace.selectors import (
    project_get,
    project_list,
    project_read_version,
    specialist_get,
    specialist_list,
)
from marketplace.serializers import (
    ProjectInputSerializer,
    ProjectOutputSerializer,
    SpecialistInputSerializer,
    SpecialistOutputSerializer,
)
from marketplace.services.projects import project_submit, project_update
from marketplace.services.specialist_api import specialist_api_create, specialist_api_update


def get_project_or_404(request: Request, project_id: int) -> Project:
    project = project_get(
        project_id=project_id,
        organization=caller_organization(user=request.user),
        is_staff=caller_is_staff(user=request.user),
    )
    if project is None:
        raise Http404
    return project


def project_read_stamp(request: Request, project_id: int) -> str:
    """What every read of the project depends on; Http404 if the caller may not see it."""
    version = project_read_version(
        project_id=project_id,
        organization=caller_organization(user=request.user),
        is_staff=caller_is_staff(user=request.user),
    )
    if version is None:
        raise Http404
    return f"project:{project_id}:{version}"


class ProjectListCreateApi(GenericAPIView):
    # For introspection (filters, schema) only; rows always come from the selector.
    queryset = Project.objects.none()
    filterset_class = ProjectFilter
    idempotent = True

    @extend_schema(responses=ProjectOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        projects = project_list(
            organization=caller_organization(user=request.user),
            is_staff=caller_is_staff(user=request.user),
        )
        page = self.paginate_queryset(self.filter_queryset(projects))
        return self.get_paginated_response(ProjectOutputSerializer(page, many=True).data)

    @extend_schema(
        request=ProjectInputSerializer,
        responses={201: ProjectOutputSerializer},
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
    )
    def post(self, request: Request) -> Response:
        organization = acting_organization(request)
        return idempotent_post(
            request=request, organization=organization, perform=lambda: self._create(organization)
        )

    def _create(self, organization: Organization) -> Response:
        serializer = ProjectInputSerializer(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        user = self.request.user
        project = project_submit(
            organization=organization,
            submitted_by=user if isinstance(user, User) else None,
            submitted_via_key=user.api_key if isinstance(user, PartnerPrincipal) else None,
            **serializer.validated_data,
        )
        return Response(ProjectOutputSerializer(project).data, status=status.HTTP_201_CREATED)


class ProjectDetailApi(ScopedObjectApi):
    def visible_object(self, request: Request, **kwargs: Any) -> object:
        return get_project_or_404(request, kwargs["project_id"])

    @extend_schema(responses=ProjectOutputSerializer)
    def get(self, request: Request, project_id: int) -> Response:
        return cached_read(
            request=request,
            stamp=project_read_stamp(request, project_id),
            shape=(type(self), ProjectOutputSerializer),
            render=lambda: self._render(request, project_id),
        )

    def _render(self, request: Request, project_id: int) -> Response:
        project = get_project_or_404(request, project_id)
        return Response(ProjectOutputSerializer(project).data)

    @extend_schema(
        request=ProjectInputSerializer(partial=True),
        responses={
            200: ProjectOutputSerializer,
            409: error_response(409, "The project is closed."),
        },
        description=(
            "Change an open project of your own: send only the fields that change "
            "(for `checklist`, only the answers that change; this is how to answer "
            "the `clarifying_questions`). A change puts the project back to "
            "`pending` and ranks it again."
        ),
    )
    def patch(self, request: Request, project_id: int) -> Response:
        project = get_project_or_404(request, project_id)
        # Staff see every project but change a client's brief only through admin.
        acting_organization(request)
        serializer = ProjectInputSerializer(project, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        project = project_update(project=project, data=serializer.validated_data)
        return Response(ProjectOutputSerializer(project).data)


class SpecialistListCreateApi(GenericAPIView):
    permission_classes = [IsStaffCaller]
    queryset = Specialist.objects.none()
    filterset_class = SpecialistFilter

    @extend_schema(responses=SpecialistOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(specialist_list()))
        return self.get_paginated_response(SpecialistOutputSerializer(page, many=True).data)

    @extend_schema(request=SpecialistInputSerializer, responses={201: SpecialistOutputSerializer})
    def post(self, request: Request) -> Response:
        serializer = SpecialistInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        specialist = specialist_api_create(data=serializer.validated_data)
        return Response(SpecialistOutputSerializer(specialist).data, status=status.HTTP_201_CREATED)


def _get_specialist_or_404(specialist_id: int) -> Specialist:
    specialist = specialist_get(specialist_id=specialist_id)
    if specialist is None:
        raise Http404
    return specialist


class SpecialistDetailApi(APIView):
    permission_classes = [IsStaffCaller]

    @extend_schema(responses=SpecialistOutputSerializer)
    def get(self, request: Request, specialist_id: int) -> Response:
        return Response(SpecialistOutputSerializer(_get_specialist_or_404(specialist_id)).data)

    @extend_schema(
        request=SpecialistInputSerializer(partial=True), responses=SpecialistOutputSerializer
    )
    def patch(self, request: Request, specialist_id: int) -> Response:
        specialist = _get_specialist_or_404(specialist_id)
        serializer = SpecialistInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        specialist = specialist_api_update(specialist=specialist, data=serializer.validated_data)
        return Response(SpecialistOutputSerializer(specialist).data)
