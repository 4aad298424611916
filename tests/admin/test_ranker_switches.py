"""Switching the learned re-ranker in the admin: each switch is one decision in the log."""

from typing import Any

import pytest
from django.test import Client

from marketplace.models import Project
from matching.admin.selectors import project_review
from matching.models import Decision, RankerModel
from matching.selectors import decision_log_groups

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/matching/rankermodel/"
FIGURES = {"projects": 40, "learned_ndcg5": 0.71, "hand_ndcg5": 0.64}


def _version(version: int, **fields: Any) -> RankerModel:
    return RankerModel.objects.create(
        version=version,
        coefficients={"hand": 1.0, "overlap": 0.5},
        metrics=FIGURES,
        verdict="held-out NDCG@5 rose by 0.07",
        passed_rule=True,
        **fields,
    )


def _act(client: Client, action: str, *models: RankerModel) -> None:
    response = client.post(
        CHANGELIST, {"action": action, "_selected_action": [m.pk for m in models]}
    )
    assert response.status_code == 302


def _switches() -> list[Decision]:
    return list(Decision.objects.filter(action__startswith="ranker_").order_by("id"))


def test_putting_a_version_in_charge_writes_one_decision_with_actor_and_version(
    staff_client: Client, staff_user: Any
) -> None:
    # given version 1 in charge and version 2 trained
    first = _version(1, active=True)
    second = _version(2)
    # when staff put version 2 in charge
    _act(staff_client, "put_in_charge", second)
    # then it orders lists, and exactly one decision says who did it, which version, and why
    assert RankerModel.objects.get(active=True) == second
    [decision] = _switches()
    assert decision.action == Decision.Action.RANKER_ACTIVATE
    assert decision.actor == staff_user
    assert decision.actor_label == str(staff_user)
    assert decision.details["version"] == 2
    assert decision.details["replaced"] == [first.label]
    assert "0.710" in decision.reason
    assert "0.640" in decision.reason
    assert decision.project is None
    assert decision.specialist is None
    assert decision.match is None


def test_putting_the_version_already_in_charge_writes_nothing(staff_client: Client) -> None:
    model = _version(1, active=True)
    _act(staff_client, "put_in_charge", model)
    assert RankerModel.objects.get(active=True) == model
    assert _switches() == []


def test_handing_back_to_the_hand_weights_writes_one_decision(
    staff_client: Client, staff_user: Any
) -> None:
    # given version 3 in charge
    model = _version(3, active=True)
    # when staff hand ranking back (twice: the second changes nothing)
    _act(staff_client, "hand_weights_in_charge", model)
    _act(staff_client, "hand_weights_in_charge", model)
    # then no version is on and one decision names the one that was
    assert not RankerModel.objects.filter(active=True).exists()
    [decision] = _switches()
    assert decision.action == Decision.Action.RANKER_DEACTIVATE
    assert decision.actor == staff_user
    assert decision.details["version"] == 3
    assert "learned-v3" in decision.reason
    assert "hand weights" in decision.reason


def test_the_decision_log_shows_switches_and_filters_by_them(staff_client: Client) -> None:
    model = _version(4)
    _act(staff_client, "put_in_charge", model)
    page = staff_client.get("/admin/matching/decision/")
    assert page.status_code == 200
    assert b"Put learned ranker in charge" in page.content
    assert b"learned-v4" in page.content
    filtered = staff_client.get("/admin/matching/decision/", {"action": "ranker_activate"})
    assert filtered.status_code == 200
    assert b"learned-v4" in filtered.content


def test_switches_stay_out_of_project_pages_and_training_labels(
    staff_client: Client, project: Project
) -> None:
    # given a matched project and a log the re-ranker reads
    log_before = decision_log_groups()
    # when staff switch the ranker on and off
    model = _version(5)
    _act(staff_client, "put_in_charge", model)
    _act(staff_client, "hand_weights_in_charge", model)
    assert len(_switches()) == 2
    # then no project's page lists them and the training data does not change
    assert project_review(project=project).decisions == []
    assert decision_log_groups() == log_before
