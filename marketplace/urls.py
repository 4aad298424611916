from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from accounts.apis import TokenLoginApi
from api.docs import ApiDocsView
from marketplace.apis import (
    ProjectDetailApi,
    ProjectListCreateApi,
    SpecialistDetailApi,
    SpecialistListCreateApi,
)
from marketplace.health import health
from matching.apis import MatchAcceptApi, MatchDeclineApi, ProjectMatchListApi
from webhooks.apis import WebhookEndpointDetailApi, WebhookEndpointListCreateApi

api_v1 = [
    path("auth/token/", TokenLoginApi.as_view(), name="auth-token"),
    path("projects/", ProjectListCreateApi.as_view(), name="project-list"),
    path("projects/<int:project_id>/", ProjectDetailApi.as_view(), name="project-detail"),
    path(
        "projects/<int:project_id>/matches/",
        ProjectMatchListApi.as_view(),
        name="project-matches",
    ),
    path(
        "projects/<int:project_id>/matches/<int:match_id>/accept/",
        MatchAcceptApi.as_view(),
        name="match-accept",
    ),
    path(
        "projects/<int:project_id>/matches/<int:match_id>/decline/",
        MatchDeclineApi.as_view(),
        name="match-decline",
    ),
    path("specialists/", SpecialistListCreateApi.as_view(), name="specialist-list"),
    path(
        "specialists/<int:specialist_id>/",
        SpecialistDetailApi.as_view(),
        name="specialist-detail",
    ),
    path("webhooks/", WebhookEndpointListCreateApi.as_view(), name="webhook-list"),
    path(
        "webhooks/<int:endpoint_id>/",
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
]
