"""Reads for matching; callers pass a project they were already allowed to see."""

from django.db.models import QuerySet

from marketplace.models import Project
from matching.models import Match, MatchRun


def latest_run(*, project: Project) -> MatchRun | None:
    return (
        MatchRun.objects.filter(project=project, outcome=MatchRun.Outcome.SUCCEEDED)
        .order_by("-started_at", "-id")
        .first()
    )


def client_match_list(*, project: Project) -> QuerySet[Match]:
    """The latest run's matches as a client sees them: staff-rejected ones vanish."""
    run = latest_run(project=project)
    if run is None:
        return Match.objects.none()
    return (
        Match.objects.filter(run=run)
        .exclude(review_status=Match.ReviewStatus.REJECTED)
        .select_related("specialist")
        .order_by("rank")
    )


def client_match_get(*, project: Project, match_id: int) -> Match | None:
    """One of the matches the client sees for its project, or None."""
    return client_match_list(project=project).filter(pk=match_id).first()
