"""Run history and matches in the admin: read-only records, reviewed through services."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html

from matching.admin.forms import RejectReasonForm, action_with_form
from matching.models import Match, MatchRun
from matching.services.reviews import match_review


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the system or a service wrote: staff look, and act through actions."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(MatchRun)
class MatchRunAdmin(ReadOnlyAdmin):
    list_display = [
        "id",
        "project",
        "trigger",
        "outcome",
        "candidate_count",
        "duration_ms",
        "algorithm_version",
        "ranker",
        "started_at",
    ]
    list_filter = ["outcome", "trigger", "ranker"]
    list_select_related = ["project"]
    search_fields = ["project__title"]


@admin.register(Match)
class MatchAdmin(ReadOnlyAdmin):
    list_display = [
        "project_link",
        "rank",
        "specialist",
        "score",
        "review_status",
        "reviewed_by",
        "client_status",
        "run_id",
    ]
    list_filter = ["review_status", "client_status"]
    list_select_related = ["project", "specialist", "reviewed_by"]
    search_fields = ["project__title", "specialist__name"]
    actions = ["approve", "shortlist", "reject"]

    @admin.display(description="project", ordering="project__title")
    def project_link(self, obj: Match) -> str:
        url = reverse("admin:marketplace_project_change", args=[obj.project_id])
        return format_html('<a href="{}#match-{}">{}</a>', url, obj.pk, obj.project.title)

    # Actions are about review, not editing the record, so view permission on
    # matches plus change permission on projects is what they need.
    def has_review_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("marketplace.change_project")

    def _review(
        self, request: HttpRequest, queryset: QuerySet[Match], status: str, reason: str = ""
    ) -> None:
        matches = list(queryset.select_related("project", "specialist"))
        for match in matches:
            match_review(match=match, status=status, actor=request.user, reason=reason)
        self.message_user(
            request,
            f"{Match.ReviewStatus(status).label}: {len(matches)} match(es).",
            level=messages.SUCCESS,
        )

    @admin.action(description="Approve selected matches", permissions=["review"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Match]) -> None:
        self._review(request, queryset, Match.ReviewStatus.APPROVED)

    @admin.action(description="Shortlist selected matches", permissions=["review"])
    def shortlist(self, request: HttpRequest, queryset: QuerySet[Match]) -> None:
        self._review(request, queryset, Match.ReviewStatus.SHORTLISTED)

    @admin.action(description="Reject selected matches…", permissions=["review"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Match]) -> HttpResponse | None:
        return action_with_form(
            model_admin=self,
            request=request,
            queryset=queryset.select_related("project", "specialist"),
            form_class=RejectReasonForm,
            title="Reject matches",
            apply=lambda form: self._review(
                request, queryset, Match.ReviewStatus.REJECTED, form.cleaned_data["reason"]
            ),
        )
