from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts.apis import TokenLoginApi
from marketplace.apis import ProjectDetailApi, ProjectListCreateApi
from marketplace.health import health
from matching.apis import ProjectMatchListApi

api_v1 = [
    path("auth/token/", TokenLoginApi.as_view(), name="auth-token"),
    path("projects/", ProjectListCreateApi.as_view(), name="project-list"),
    path("projects/<int:project_id>/", ProjectDetailApi.as_view(), name="project-detail"),
    path(
        "projects/<int:project_id>/matches/",
        ProjectMatchListApi.as_view(),
        name="project-matches",
    ),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("health/", health, name="health"),
]
