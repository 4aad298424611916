"""Reads for matching; callers pass a project they were already allowed to see."""

from django.db.models import OuterRef, QuerySet, Subquery

from marketplace.models import Project
from matching.models import Decision, Match, MatchRun, RankerModel
from matching.reranker.features import stored_vector
from matching.reranker.labels import Group, Shown, grade


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


# --- The decision log as the re-ranker learns from it ------------------------------

# Each decision on a match, as the field of the match it sets.
_LEARNED_ACTIONS: dict[str, tuple[str, str]] = {
    Decision.Action.APPROVE: ("review", Match.ReviewStatus.APPROVED),
    Decision.Action.SHORTLIST: ("review", Match.ReviewStatus.SHORTLISTED),
    Decision.Action.REJECT: ("review", Match.ReviewStatus.REJECTED),
    Decision.Action.CLIENT_ACCEPT: ("client", Match.ClientStatus.ACCEPTED),
    Decision.Action.CLIENT_DECLINE: ("client", Match.ClientStatus.DECLINED),
}


def decision_log_groups() -> list[Group]:
    """Per project, the list the desk last decided on, each match graded by the log.

    The list is the run of the latest decision made on one of the project's
    matches; each of its matches is graded by the latest staff review and the
    latest client decision on that specialist for the project (in any run,
    as decisions carry forward), and keeps the figures it was listed with.
    Two queries, whatever the size of the log.
    """
    decisions = (
        Decision.objects.filter(
            action__in=list(_LEARNED_ACTIONS), match__isnull=False, project__isnull=False
        )
        .order_by("created_at", "id")
        .values_list("project_id", "specialist_id", "action", "match__run_id")
    )
    last_run: dict[int, int] = {}
    said: dict[tuple[int, int | None], dict[str, str]] = {}
    for project_id, specialist_id, action, run_id in decisions:
        if project_id is None or run_id is None:
            continue
        last_run[project_id] = max(run_id, last_run.get(project_id, 0))
        who, status = _LEARNED_ACTIONS[action]
        said.setdefault((project_id, specialist_id), {})[who] = status
    items: dict[int, list[Shown]] = {}
    rows = (
        Match.objects.filter(run_id__in=list(last_run.values()))
        .order_by("project_id", "rank")
        .values_list("project_id", "specialist_id", "rank", "score", "breakdown", "features")
    )
    for project_id, specialist_id, rank, score, breakdown, features in rows:
        decided = said.get((project_id, specialist_id), {})
        items.setdefault(project_id, []).append(
            Shown(
                specialist_id=specialist_id,
                rank=rank,
                grade=grade(review=decided.get("review", ""), client=decided.get("client", "")),
                features=stored_vector(
                    features=features if isinstance(features, dict) else {},
                    breakdown=breakdown if isinstance(breakdown, dict) else {},
                    score=score,
                ),
            )
        )
    return [Group(project_id=pk, items=tuple(shown)) for pk, shown in sorted(items.items())]


def active_ranker_model() -> RankerModel | None:
    """The learned re-ranker staff or ``trainranker`` switched on, if any."""
    return RankerModel.objects.filter(active=True).first()
