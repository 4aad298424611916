"""The project review page: the brief, the role need and its reasons, the latest
run's ranked matches, and the one-click review, re-run and role-override actions.

Every staff decision goes through a service in ``matching.services.reviews``
(which records who decided what, when and why); nothing here writes a
project or match directly.
"""

from datetime import timedelta
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import DurationField, ExpressionWrapper, F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase, HttpResponseNotAllowed
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from marketplace.models import Project, Role
from marketplace.vocabulary import CHECKLIST_QUESTIONS
from matching.admin.forms import MatchReviewForm, RerunForm, RoleOverrideForm
from matching.admin.selectors import (
    low_confidence_project_q,
    needs_review_projects,
    project_review,
    projects_with_review_counts,
    stuck_project_q,
)
from matching.classifier import LOW_CONFIDENCE_THRESHOLD
from matching.models import Match
from matching.services.reviews import match_review, project_role_override, projects_rerun


def duration_text(delta: timedelta | None) -> str:
    """A short human duration: '45 s', '3 min 20 s', '2 h 5 min', '4 d 3 h'."""
    if delta is None:
        return "—"
    seconds = max(int(delta.total_seconds()), 0)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


# --- Project list filters ---------------------------------------------------------------------


class _OnlyFilter(admin.SimpleListFilter):
    """A filter with a single choice that narrows the list to some projects."""

    label = ""

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", self.label)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Project]) -> QuerySet[Project]:
        return self.narrow(queryset) if self.value() == "yes" else queryset

    def narrow(self, queryset: QuerySet[Project]) -> QuerySet[Project]:
        raise NotImplementedError


class NeedsReviewFilter(_OnlyFilter):
    title = "needs review"
    parameter_name = "needs_review"
    label = "Matches awaiting review"

    def narrow(self, queryset: QuerySet[Project]) -> QuerySet[Project]:
        return needs_review_projects(queryset)


class ConfidenceFilter(admin.SimpleListFilter):
    title = "role confidence"
    parameter_name = "confidence"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("low", f"Low (< {LOW_CONFIDENCE_THRESHOLD:.2f}), not overridden"),
            ("high", f"At least {LOW_CONFIDENCE_THRESHOLD:.2f}"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Project]) -> QuerySet[Project]:
        if self.value() == "low":
            return queryset.filter(low_confidence_project_q())
        if self.value() == "high":
            return queryset.filter(role_confidence__gte=LOW_CONFIDENCE_THRESHOLD)
        return queryset


class StuckFilter(_OnlyFilter):
    title = "pending too long"
    parameter_name = "stuck"
    label = "Pending too long"

    def narrow(self, queryset: QuerySet[Project]) -> QuerySet[Project]:
        return queryset.filter(stuck_project_q())


class OpenFilter(admin.SimpleListFilter):
    title = "open"
    parameter_name = "open"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Open"), ("no", "Closed by the client")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Project]) -> QuerySet[Project]:
        if self.value() == "yes":
            return queryset.filter(closed_at__isnull=True)
        if self.value() == "no":
            return queryset.filter(closed_at__isnull=False)
        return queryset


# --- Projects ---------------------------------------------------------------------------------


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "status",
        "role_need_display",
        "confidence_display",
        "budget_display",
        "desired_start",
        "awaiting_review_display",
        "time_to_matches_display",
        "created_at",
    ]
    list_filter = [
        "status",
        "role_need",
        NeedsReviewFilter,
        ConfidenceFilter,
        StuckFilter,
        OpenFilter,
    ]
    search_fields = ["title", "organization__name"]
    search_help_text = "Title or organization"
    date_hierarchy = "created_at"
    list_per_page = 50
    actions = ["rerun_matching"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Project]:
        queryset = (
            super()
            .get_queryset(request)
            .select_related("organization", "submitted_by", "role_override_by")
            .annotate(
                time_to_matches=ExpressionWrapper(
                    F("matched_at") - F("created_at"), output_field=DurationField()
                )
            )
        )
        return projects_with_review_counts(queryset)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A brief is the client's text and the rest is the system's conclusion:
        # staff act on it through the review actions, never by editing fields.
        return [field.name for field in Project._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # projects come from clients and partners through the API

    # --- list columns

    @admin.display(description="role need", ordering="role_need")
    def role_need_display(self, obj: Project) -> str:
        if not obj.role_need:
            return "—"
        if obj.role_override:
            return format_html("{} <small>(set by staff)</small>", obj.get_role_need_display())
        return obj.get_role_need_display()

    @admin.display(description="confidence", ordering="role_confidence")
    def confidence_display(self, obj: Project) -> str:
        if obj.role_confidence is None:
            return "—"
        css = "mp-low" if obj.role_confidence < LOW_CONFIDENCE_THRESHOLD else "mp-ok"
        return format_html('<span class="{}">{}</span>', css, f"{obj.role_confidence:.2f}")

    @admin.display(description="budget", ordering="hourly_budget_max")
    def budget_display(self, obj: Project) -> str:
        return f"${obj.hourly_budget_max}/h"

    @admin.display(description="awaiting review", ordering="awaiting_review")
    def awaiting_review_display(self, obj: Project) -> str:
        count = getattr(obj, "awaiting_review", 0)
        if not count:
            return "0"
        url = reverse("admin:marketplace_project_change", args=[obj.pk])
        return format_html('<a class="mp-pending" href="{}#matches">{}</a>', url, count)

    @admin.display(description="submission → matches", ordering="time_to_matches")
    def time_to_matches_display(self, obj: Project) -> str:
        if obj.matched_at is None:
            return "—"
        return duration_text(obj.matched_at - obj.created_at)

    # --- actions

    @admin.action(description="Re-run matching for the selected projects", permissions=["change"])
    def rerun_matching(self, request: HttpRequest, queryset: QuerySet[Project]) -> None:
        projects = list(queryset)
        queued = projects_rerun(projects=projects, actor=request.user)
        self.message_user(request, f"Queued matching again for {queued} project(s).")
        skipped = len(projects) - queued
        if skipped:
            self.message_user(
                request, f"Skipped {skipped} closed project(s).", level=messages.WARNING
            )

    # --- the review page and its one-click actions

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        custom = [
            path(
                "<path:object_id>/matches/<int:match_id>/review/",
                view(self.review_view),
                name="{}_{}_review".format(*info),
            ),
            path(
                "<path:object_id>/rerun/", view(self.rerun_view), name="{}_{}_rerun".format(*info)
            ),
            path(
                "<path:object_id>/override-role/",
                view(self.override_role_view),
                name="{}_{}_override_role".format(*info),
            ),
        ]
        return custom + super().get_urls()

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET"])
        project = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if project is not None:
            context.update(
                review=project_review(project=project),
                checklist=[
                    (question, project.checklist.get(key))
                    for key, question in CHECKLIST_QUESTIONS.items()
                ],
                role_choices=Role.choices,
                title="Review project",
                can_act=self.has_change_permission(request, project),
                low_confidence_threshold=LOW_CONFIDENCE_THRESHOLD,
                time_to_matches=duration_text(
                    project.matched_at - project.created_at if project.matched_at else None
                ),
            )
        return super().change_view(request, object_id, form_url, extra_context=context)

    def _project_for_action(self, request: HttpRequest, object_id: str) -> Project:
        if request.method != "POST":
            raise Http404("This address only accepts the review forms.")
        project = self.get_object(request, unquote(object_id))
        if project is None:
            raise Http404("No such project.")
        if not self.has_change_permission(request, project):
            raise PermissionDenied
        return project

    def _back_to(self, project: Project, anchor: str) -> HttpResponseRedirect:
        url = reverse("admin:marketplace_project_change", args=[project.pk])
        return HttpResponseRedirect(f"{url}#{anchor}")

    def _form_errors(self, request: HttpRequest, form: Any) -> None:
        for field, errors in form.errors.items():
            label = "" if field == "__all__" else f"{field}: "
            for error in errors:
                self.message_user(request, f"{label}{error}", level=messages.ERROR)

    def review_view(self, request: HttpRequest, object_id: str, match_id: int) -> HttpResponseBase:
        project = self._project_for_action(request, object_id)
        match = (
            Match.objects.filter(project=project, pk=match_id).select_related("specialist").first()
        )
        if match is None:
            raise Http404("No such match on this project.")
        form = MatchReviewForm(request.POST)
        if not form.is_valid():
            self._form_errors(request, form)
            return self._back_to(project, f"match-{match.pk}")
        status, reason = form.cleaned_data["status"], form.cleaned_data["reason"]
        match_review(match=match, status=status, actor=request.user, reason=reason)
        self.message_user(
            request,
            f"{match.specialist.name}: {Match.ReviewStatus(status).label.lower()}.",
            level=messages.SUCCESS,
        )
        return self._back_to(project, f"match-{match.pk}")

    def rerun_view(self, request: HttpRequest, object_id: str) -> HttpResponseBase:
        project = self._project_for_action(request, object_id)
        form = RerunForm(request.POST)
        if not form.is_valid():
            self._form_errors(request, form)
            return self._back_to(project, "actions")
        queued = projects_rerun(
            projects=[project],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        if queued:
            self.message_user(request, "Matching queued again.", level=messages.SUCCESS)
        else:
            self.message_user(
                request,
                "The client closed this project; it is not matched again.",
                messages.WARNING,
            )
        return self._back_to(project, "matches")

    def override_role_view(self, request: HttpRequest, object_id: str) -> HttpResponseBase:
        project = self._project_for_action(request, object_id)
        form = RoleOverrideForm(request.POST)
        if not form.is_valid():
            self._form_errors(request, form)
            return self._back_to(project, "role")
        project_role_override(
            project=project,
            role=form.cleaned_data["role"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        self.message_user(
            request,
            f"Role need set to {Role(form.cleaned_data['role']).label}; ranking queued again.",
            level=messages.SUCCESS,
        )
        return self._back_to(project, "role")
