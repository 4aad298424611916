"""Reads for matching; callers pass a project they were already allowed to see."""

from django.db.models import OuterRef, QuerySet, Subquery

from marketplace.models import Project
from matching.models import Match, MatchRun


def _succeeded_runs_newest_first() -> QuerySet[MatchRun]:
    """The one definition of "the latest successful run": newest start, then newest id."""
    return MatchRun.objects.filter(outcome=MatchRun.Outcome.SUCCEEDED).order_by(
        "-started_at", "-id"
    )


def latest_run(*, project: Project) -> MatchRun | None:
    return _succeeded_runs_newest_first().filter(project=project).first()


def latest_run_id(project_ref: str) -> Subquery:
    """The id of the latest successful run of the project named by ``project_ref``."""
    return Subquery(
        _succeeded_runs_newest_first().filter(project_id=OuterRef(project_ref)).values("pk")[:1]
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
