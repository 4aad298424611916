"""Celery tasks: ids in, one service call, safe to run twice.

Delivery guarantees of ``matching.project_match``, and what covers each fault:

- the task is acknowledged late (settings), so a worker killed mid-run leaves
  its message unacknowledged and the broker hands it out again after the
  visibility timeout; the stuck-project sweeper re-queues it sooner, and is
  the only cover for a message the kill caught between Redis handing it out
  and kombu recording it as unacknowledged (it is then in neither place);
- every pickup of a pending project is counted and committed first, so a
  message that kills every worker ends ``failed`` instead of looping;
- a database that is away before the pickup is counted postpones the task
  with backoff for as long as the outage lasts;
- transient errors (database or broker connection lost, soft time limit)
  are retried with exponential backoff; when tries run out, or on any other
  error, the project ends ``failed`` with the reason and a failed MatchRun;
- a publish that fails while the broker is down is logged, not raised: the
  project is already committed as pending, and the sweeper queues it again.
"""

import logging
import time
from dataclasses import dataclass
from typing import Any

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

from matching import metrics
from matching.models import MatchRun

logger = logging.getLogger(__name__)

# Errors that say "try again later", not "this project cannot be matched".
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    BrokerOperationalError,
    ConnectionError,
    TimeoutError,
    SoftTimeLimitExceeded,
)


class SweeperBackedTask(Task):
    """A task whose lost publish is recovered by the stuck-project sweeper.

    It is published from ``transaction.on_commit`` after the project is
    stored: raising there would turn a committed submission into a 500 for
    the client. Celery already retried the publish (task_publish_retry).
    """

    def apply_async(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().apply_async(*args, **kwargs)
        except (BrokerOperationalError, ConnectionError, TimeoutError) as exc:
            task_kwargs = kwargs.get("kwargs") or (args[1] if len(args) > 1 else None)
            logger.error(
                "could not publish task; the stuck-project sweeper will queue it again",
                extra={"task": self.name, "task_kwargs": task_kwargs, "error": str(exc)},
            )
            return None


def _backoff_seconds(retries: int, *, maximum: int | None = None) -> int:
    return get_exponential_backoff_interval(
        factor=2,
        retries=retries,
        maximum=settings.MATCHING_RETRY_BACKOFF_MAX_SECONDS if maximum is None else maximum,
        full_jitter=True,
    )


def postpone_seconds(retries: int) -> int:
    """How long a task waits out a database outage before it looks again.

    Capped low, unlike the retries of a failing run: the wait after the
    database is back is at most this, and the service must recover within
    30 s of an outage of any length.
    """
    return _backoff_seconds(retries, maximum=settings.MATCHING_POSTPONE_MAX_SECONDS)


def _fail(
    *, project_id: int, inputs_version: int | None, trigger: str, error: str, reason: str
) -> None:
    """End the project ``failed`` with the reason, keeping a failed run for staff."""
    from matching.services.recovery import match_run_record_failed, project_mark_failed

    match_run_record_failed(
        project_id=project_id, inputs_version=inputs_version, trigger=trigger, error=error
    )
    project_mark_failed(project_id=project_id, inputs_version=inputs_version, reason=reason)


@dataclass(frozen=True)
class _Retry:
    """What the policy decided instead of an outcome: run again after a countdown."""

    outcome: str
    exc: BaseException
    countdown: int


class ProjectMatchTask(SweeperBackedTask):
    """The delivery policy of matching a project, around a body that is one service call.

    The body gets ``project_id``, ``inputs_version`` and ``trigger`` and runs
    the match; this class counts the pickup first, drops a duplicate, retries
    or postpones what is transient, fails the project on anything else (see the
    module's docstring), logs each step and records the outcome's metrics.
    """

    def __call__(
        self,
        *,
        project_id: int,
        inputs_version: int | None = None,
        trigger: str = MatchRun.Trigger.SUBMIT,
    ) -> None:
        started = time.monotonic()
        decision = self._apply_policy(
            project_id=project_id, inputs_version=inputs_version, trigger=trigger
        )
        outcome = decision.outcome if isinstance(decision, _Retry) else decision
        metrics.task_finished(outcome=outcome, seconds=time.monotonic() - started)
        if isinstance(decision, _Retry):
            raise self.retry(
                exc=decision.exc, countdown=decision.countdown, max_retries=None
            ) from decision.exc

    def _apply_policy(self, *, project_id: int, inputs_version: int | None, trigger: str) -> Any:
        from matching.services.recovery import (
            project_attempt_begin,
            project_attempts_reset,
            project_retry_scheduled,
        )

        log_extra = {"project_id": project_id, "inputs_version": inputs_version, "trigger": trigger}
        try:
            attempt = project_attempt_begin(
                project_id=project_id, inputs_version=inputs_version, trigger=trigger
            )
        except TRANSIENT_ERRORS as exc:
            # The database is away before the pickup could even be counted: this is
            # no attempt at the project, so wait and try again for as long as the
            # outage lasts (backoff capped at MATCHING_POSTPONE_MAX_SECONDS).
            countdown = postpone_seconds(self.request.retries)
            logger.warning(
                "project match postponed",
                extra={**log_extra, "countdown": countdown, "error": _describe(exc)},
            )
            return _Retry("postponed", exc, countdown)
        if not attempt.proceed:
            logger.info("project match skipped", extra={**log_extra, "attempt": attempt.number})
            # Past MATCHING_MAX_ATTEMPTS the pickup itself ended the project failed.
            return "failed" if attempt.number > settings.MATCHING_MAX_ATTEMPTS else "skipped"
        tries = max(attempt.number, self.request.retries + 1)
        logger.info("project match started", extra={**log_extra, "attempt": tries})
        try:
            run = self.run(project_id=project_id, inputs_version=inputs_version, trigger=trigger)
        except TRANSIENT_ERRORS as exc:
            reason = _describe(exc)
            if tries < settings.MATCHING_MAX_ATTEMPTS:
                countdown = _backoff_seconds(self.request.retries)
                logger.warning(
                    "project match will be retried",
                    extra={**log_extra, "attempt": tries, "countdown": countdown, "error": reason},
                )
                project_retry_scheduled(project_id=project_id)
                return _Retry("retried", exc, countdown)
            _fail(
                project_id=project_id,
                inputs_version=inputs_version,
                trigger=trigger,
                error=reason,
                reason=f"Matching failed {tries} times; last error: {reason}",
            )
            return "failed"
        except Exception as exc:
            # Not transient: trying again would fail the same way.
            logger.exception("project match failed", extra={**log_extra, "attempt": tries})
            reason = _describe(exc)
            _fail(
                project_id=project_id,
                inputs_version=inputs_version,
                trigger=trigger,
                error=reason,
                reason=f"Matching failed: {reason}",
            )
            return "failed"
        if run is not None:
            project_attempts_reset(project_id=project_id)
        logger.info(
            "project match finished",
            extra={
                **log_extra,
                "attempt": tries,
                "run_id": run.pk if run is not None else None,
                "outcome": run.outcome if run is not None else "skipped",
            },
        )
        return "matched" if run is not None else "skipped"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip()


@shared_task(
    base=ProjectMatchTask,
    name="matching.project_match",
    acks_late=True,
    # Retries are bounded by MATCHING_MAX_ATTEMPTS (ProjectMatchTask), read at run time.
    max_retries=None,
)
def project_match_task(
    *, project_id: int, inputs_version: int | None = None, trigger: str = MatchRun.Trigger.SUBMIT
) -> MatchRun | None:
    from matching.services.runs import project_match

    return project_match(project_id=project_id, inputs_version=inputs_version, trigger=trigger)


@shared_task(name="matching.sweep_stuck_projects")
def sweep_stuck_projects_task() -> int:
    from matching.services.recovery import stuck_projects_sweep

    return stuck_projects_sweep()


@shared_task(name="matching.embed_specialists", acks_late=True)
def specialists_embed_task(*, specialist_ids: list[int]) -> int:
    """Encode these profiles' sentence embeddings (a no-op without the semantic extra)."""
    from matching.services.embeddings import specialists_embed

    return specialists_embed(specialist_ids=specialist_ids)


@shared_task(name="matching.embed_pending")
def specialists_embed_pending_task() -> int:
    """Catch up profiles left without a current vector (a lost task, a new model version)."""
    from matching.relevance.embedding import encoder
    from matching.services.embeddings import specialists_embed, specialists_needing_embedding

    if encoder() is None:
        return 0
    return specialists_embed(specialist_ids=specialists_needing_embedding(limit=2_000))


@shared_task(name="matching.specialist_capacity_settle", acks_late=True)
def specialist_capacity_settle_task(*, specialist_id: int) -> int:
    """Re-rank the lists a burst of client decisions on this specialist moved them onto or off."""
    from matching.services.rematch import specialist_capacity_settle_queued

    return specialist_capacity_settle_queued(specialist_id=specialist_id)


@shared_task(name="matching.expire_holds")
def match_holds_expire_task() -> int:
    """Release the hours of client accepts that staff did not approve in time."""
    from matching.services.client_decisions import match_holds_expire

    return match_holds_expire()
