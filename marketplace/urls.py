from django.contrib import admin
from django.urls import include, path, register_converter
from drf_spectacular.views import SpectacularAPIView

from accounts.apis import TokenLoginApi
from api.converters import ObjectIdConverter
from api.docs import ApiDocsView
from marketplace.apis import (
    ProjectDetailApi,
    ProjectListCreateApi,
    SpecialistDetailApi,
    SpecialistListCreateApi,
)
from marketplace.health import health
from marketplace.metrics import metrics
from matching.apis import MatchAcceptApi, MatchDeclineApi, ProjectMatchListApi
from webhooks.apis import WebhookEndpointDetailApi, WebhookEndpointListCreateApi

register_converter(ObjectIdConverter, "id")

api_v1 = [
    path("auth/token/", TokenLoginApi.as_view(), name="auth-token"),
    path("projects/", ProjectListCreateApi.as_view(), name="project-list"),
    path("projects/<id:project_id>/", ProjectDetailApi.as_view(), name="project-detail"),
    path(
        "projects/<id:project_id>/matches/",
        ProjectMatchListApi.as_view(),
        name="project-matches",
    ),
    path(
        "projects/<id:project_id>/matches/<id:match_id>/accept/",
        MatchAcceptApi.as_view(),
        name="match-accept",
    ),
    path(
        "projects/<id:project_id>/matches/<id:match_id>/decline/",
        MatchDeclineApi.as_view(),
        name="match-decline",
    ),
    path("specialists/", SpecialistListCreateApi.as_view(), name="specialist-list"),
    path(
        "specialists/<id:specialist_id>/",
        SpecialistDetailApi.as_view(),
        name="specialist-detail",
    ),
    path("webhooks/", WebhookEndpointListCreateApi.as_view(), name="webhook-list"),
    path(
        "webhooks/<id:endpoint_id>/",
        WebhookEndpointDetailApi.as_view(),
        name="webhook-detail",
    ),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", ApiDocsView.as_view(url_name="schema"), name="api-docs"),
    path("health/", health, name="health"),
    path("metrics", metrics, name="metrics"),
]
