from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.apis import _get_project_or_404
from marketplace.pagination import StandardPagination
from matching.selectors import client_match_list
from matching.serializers import MatchOutputSerializer


class ProjectMatchListApi(APIView):
    @extend_schema(responses=MatchOutputSerializer(many=True))
    def get(self, request: Request, project_id: int) -> Response:
        project = _get_project_or_404(request, project_id)
        matches = client_match_list(project=project)
        paginator = StandardPagination()
        page = paginator.paginate_queryset(matches, request, view=self)
        return paginator.get_paginated_response(MatchOutputSerializer(page, many=True).data)
