"""The admin's needs-attention counts read each project's latest run pointer (issue #12-10)."""

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.models import Project
from matching.admin.selectors import matches_awaiting_review_count
from matching.models import Match, MatchRun
from matching.selectors import latest_run
from matching.services.runs import project_match
from tests.admin.conftest import matched_project
from tests.marketplace.factories import ProjectFactory
from tests.matching.factories import MatchFactory, MatchRunFactory

pytestmark = pytest.mark.django_db


def test_a_run_points_its_project_at_itself_in_the_same_transaction(roster: Any) -> None:
    # given a matched project
    project = matched_project(title="Help-centre assistant")
    first = project.latest_run
    assert first is not None
    assert first == latest_run(project=project)

    # when it is ranked again
    second = project_match(project_id=project.pk, trigger=MatchRun.Trigger.STAFF)

    # then the pointer moves to the new run, and reads are re-rendered
    project.refresh_from_db()
    assert second is not None
    assert project.latest_run_id == second.pk != first.pk
    assert latest_run(project=project) == second


def test_the_awaiting_review_count_does_not_search_runs() -> None:
    # given open projects with older and newer runs, and a closed one
    counted = 0
    for _ in range(3):
        project = ProjectFactory(status=Project.Status.MATCHED)
        old = MatchRunFactory(project=project)
        MatchFactory.create_batch(4, run=old)
        new = MatchRunFactory(project=project)
        MatchFactory.create_batch(2, run=new)
        MatchFactory(run=new, review_status=Match.ReviewStatus.APPROVED)
        counted += 2
    closed = ProjectFactory(status=Project.Status.MATCHED, closed_at=timezone.now())
    MatchFactory.create_batch(3, run=MatchRunFactory(project=closed))

    # when the index counts matches awaiting review
    with CaptureQueriesContext(connection) as queries:
        count = matches_awaiting_review_count()

    # then only the latest runs of open projects count, read through the pointer
    assert count == counted
    assert len(queries) == 1
    assert "matching_matchrun" not in queries[0]["sql"]


def test_the_migration_backfills_each_projects_latest_succeeded_run() -> None:
    # given projects whose pointers were never set: runs of all outcomes, and none
    with_runs = ProjectFactory()
    older = MatchRunFactory(project=with_runs)
    newest_ok = MatchRunFactory(project=with_runs)
    MatchRunFactory(project=with_runs, outcome=MatchRun.Outcome.FAILED)
    only_failed = ProjectFactory()
    MatchRunFactory(project=only_failed, outcome=MatchRun.Outcome.FAILED)
    never_run = ProjectFactory()
    Project.objects.update(latest_run=None)
    assert older.pk < newest_ok.pk

    # when the migration's backfill runs
    migration = importlib.import_module("marketplace.migrations.0005_project_latest_run")
    migration.latest_run_backfill(apps, None)

    # then each points at its newest succeeded run, or at nothing
    pointers = dict(Project.objects.values_list("pk", "latest_run_id"))
    assert pointers[with_runs.pk] == newest_ok.pk
    assert pointers[only_failed.pk] is None
    assert pointers[never_run.pk] is None
