"""The real URLs plus a hello-world for benchmarks/throughput.py only; never mounted in production.

The hello-world is a plain DRF view behind the same authentication, permission
and throttling classes as every API view, so the difference between it and a
real endpoint is what that endpoint's own work costs.
"""

from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.urls import urlpatterns as real_urlpatterns


class HelloApi(APIView):
    def get(self, request: Request) -> Response:
        return Response({"hello": "world"})


urlpatterns = [path("bench/hello/", HelloApi.as_view(), name="bench-hello"), *real_urlpatterns]
