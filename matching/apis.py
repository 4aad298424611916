"""A client's matches: the ranked list, and accepting or declining one."""

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.throttling import CallerRateThrottle, DecisionRateThrottle
from api.cached_reads import cached_read
from api.idempotency import idempotent_post
from api.openapi import IDEMPOTENCY_KEY_PARAMETER, error_response
from api.views import ScopedObjectApi, acting_organization
from marketplace.apis import get_project_or_404, project_read_stamp
from marketplace.filters import MatchFilter
from matching.models import Match
from matching.selectors import client_match_get, client_match_list
from matching.serializers import ClientDecisionInputSerializer, MatchOutputSerializer
from matching.services.client_decisions import match_client_accept, match_client_decline


class ProjectMatchListApi(ScopedObjectApi, GenericAPIView):
    queryset = Match.objects.none()
    filterset_class = MatchFilter

    def visible_object(self, request: Request, **kwargs: Any) -> object:
        return get_project_or_404(request, kwargs["project_id"])

    @extend_schema(responses=MatchOutputSerializer(many=True))
    def get(self, request: Request, project_id: int) -> Response:
        return cached_read(
            request=request,
            stamp=project_read_stamp(request, project_id),
            shape=(type(self), MatchOutputSerializer, type(self.paginator)),
            render=lambda: self._render(request, project_id),
        )

    def _render(self, request: Request, project_id: int) -> Response:
        project = get_project_or_404(request, project_id)
        matches = self.filter_queryset(client_match_list(project=project))
        page = self.paginate_queryset(matches)
        return self.get_paginated_response(MatchOutputSerializer(page, many=True).data)


class _ClientDecisionApi(ScopedObjectApi):
    idempotent = True
    throttle_classes = [CallerRateThrottle, DecisionRateThrottle]
    decide = staticmethod(match_client_accept)

    def visible_object(self, request: Request, **kwargs: Any) -> object:
        project = get_project_or_404(request, kwargs["project_id"])
        match = client_match_get(project=project, match_id=kwargs["match_id"])
        if match is None:
            raise Http404
        return match

    def post(self, request: Request, project_id: int, match_id: int) -> Response:
        project = get_project_or_404(request, project_id)
        organization = acting_organization(request)

        def perform() -> Response:
            match = client_match_get(project=project, match_id=match_id)
            if match is None:
                raise Http404
            serializer = ClientDecisionInputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            match = self.decide(
                match=match, actor=request.user, reason=serializer.validated_data["reason"]
            )
            match = Match.objects.select_related("specialist").get(pk=match.pk)
            return Response(MatchOutputSerializer(match).data)

        return idempotent_post(request=request, organization=organization, perform=perform)


class MatchAcceptApi(_ClientDecisionApi):
    decide = staticmethod(match_client_accept)

    @extend_schema(
        request=ClientDecisionInputSerializer,
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={
            200: MatchOutputSerializer,
            409: error_response(
                409,
                "The specialist no longer has the hours, the project already holds "
                "as many specialists as it may, or the project is closed.",
            ),
        },
        description=(
            "Take this specialist on: the project's weekly hours are held on "
            "them, for a limited time unless staff approve the match (then the "
            "hold lapses and the match is open again). A project holds at most "
            "a few specialists at once. Accepting an accepted match changes nothing."
        ),
    )
    def post(self, request: Request, project_id: int, match_id: int) -> Response:
        return super().post(request, project_id, match_id)


class MatchDeclineApi(_ClientDecisionApi):
    decide = staticmethod(match_client_decline)

    @extend_schema(
        request=ClientDecisionInputSerializer,
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        responses={200: MatchOutputSerializer},
        description=(
            "Pass on this specialist, or un-accept them (their hours are released). "
            "Declining a declined match changes nothing."
        ),
    )
    def post(self, request: Request, project_id: int, match_id: int) -> Response:
        return super().post(request, project_id, match_id)
