"""Specialists in the admin: bulk vetting, deactivation and availability, each a decision."""

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.models import Role, Specialist
from matching.models import Decision, Match
from matching.services.reviews import specialists_bulk_update
from tests.admin.conftest import latest_matches, matched_project
from tests.marketplace.factories import SpecialistFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:marketplace_specialist_changelist"


def test_vetting_in_bulk_records_decisions_and_rematches_open_projects(
    staff_client: Any, staff_user: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a cheap AI engineer who is not vetted yet, so not in the project's ranking
    newcomer = SpecialistFactory(tier=Role.AI_ENGINEER, hourly_rate=15, vetted=False)
    assert newcomer not in [match.specialist for match in latest_matches(project)]

    # when staff vet them from the list
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse(CHANGELIST),
            {"action": "vet_specialists", "_selected_action": [newcomer.pk]},
        )

    # then they are vetted, the decision is kept, and the open project ranks them
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.vetted
    decision = Decision.objects.get(specialist=newcomer)
    assert (decision.action, decision.actor) == (Decision.Action.VET, staff_user)
    assert newcomer in [match.specialist for match in latest_matches(project)]


def test_deactivating_removes_the_specialist_from_current_rankings(
    staff_client: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    leaving = latest_matches(project)[0].specialist

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse(CHANGELIST),
            {"action": "deactivate_specialists", "_selected_action": [leaving.pk]},
        )

    leaving.refresh_from_db()
    assert not leaving.is_active
    assert Decision.objects.filter(specialist=leaving, action=Decision.Action.DEACTIVATE).exists()
    assert leaving not in [match.specialist for match in latest_matches(project)]


def test_a_deactivation_can_be_undone_and_both_are_recorded(
    staff_client: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a ranked specialist that staff deactivated by mistake
    specialist = latest_matches(project)[0].specialist
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse(CHANGELIST),
            {"action": "deactivate_specialists", "_selected_action": [specialist.pk]},
        )
    assert specialist not in [match.specialist for match in latest_matches(project)]

    # when staff reactivate them
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse(CHANGELIST),
            {"action": "reactivate_specialists", "_selected_action": [specialist.pk]},
        )

    # then they are back in the ranking, and the log shows both decisions
    specialist.refresh_from_db()
    assert specialist.is_active
    assert specialist in [match.specialist for match in latest_matches(project)]
    actions = list(
        Decision.objects.filter(specialist=specialist)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [Decision.Action.DEACTIVATE, Decision.Action.REACTIVATE]


def test_withdrawing_vetting_removes_the_specialist_from_rankings(
    staff_client: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    specialist = latest_matches(project)[0].specialist

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse(CHANGELIST),
            {"action": "unvet_specialists", "_selected_action": [specialist.pk]},
        )

    specialist.refresh_from_db()
    assert not specialist.vetted
    assert Decision.objects.filter(specialist=specialist, action=Decision.Action.UNVET).exists()
    assert specialist not in [match.specialist for match in latest_matches(project)]


def test_changing_availability_asks_for_the_date_first(
    staff_client: Any, staff_user: Any, roster: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given two specialists selected on the list
    chosen = roster[Role.ML_ENGINEER][:2]
    ids = [specialist.pk for specialist in chosen]
    new_date = timezone.localdate() + timedelta(days=30)

    # when staff pick the action, they get a form for the new date
    form_page = staff_client.post(
        reverse(CHANGELIST), {"action": "change_availability", "_selected_action": ids}
    )
    assert form_page.status_code == 200
    assert 'name="available_from"' in form_page.content.decode()
    assert Specialist.objects.filter(pk__in=ids, available_from=new_date).count() == 0

    # and a missing date is asked for again rather than applied
    again = staff_client.post(
        reverse(CHANGELIST),
        {"action": "change_availability", "_selected_action": ids, "apply": "1"},
    )
    assert again.status_code == 200
    assert "This field is required" in again.content.decode()

    # when they apply it with a date and a reason
    with django_capture_on_commit_callbacks(execute=True):
        done = staff_client.post(
            reverse(CHANGELIST),
            {
                "action": "change_availability",
                "_selected_action": ids,
                "apply": "1",
                "available_from": new_date.isoformat(),
                "reason": "On another engagement",
            },
        )

    # then both move, each with its own decision
    assert done.status_code == 302
    assert Specialist.objects.filter(pk__in=ids, available_from=new_date).count() == 2
    decisions = Decision.objects.filter(action=Decision.Action.CHANGE_AVAILABILITY)
    assert sorted(d.specialist_id for d in decisions) == sorted(ids)
    assert {d.reason for d in decisions} == {"On another engagement"}
    assert {d.details["to"] for d in decisions} == {new_date.isoformat()}
    assert {d.actor for d in decisions} == {staff_user}


def test_bulk_update_leaves_unchanged_specialists_alone(staff_user: Any, roster: Any) -> None:
    already = roster[Role.AI_ENGINEER][0]  # vetted by the factory

    changed = specialists_bulk_update(
        specialist_ids=[already.pk], changes={"vetted": True}, actor=staff_user
    )

    assert changed == []
    assert not Decision.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{}, {"hourly_rate": 10}, {"vetted": "no"}, {"is_active": 1}, {"available_from": "soon"}],
)
def test_bulk_update_refuses_changes_that_are_not_decisions(
    staff_user: Any, roster: Any, changes: dict[str, Any]
) -> None:
    specialist = roster[Role.AI_ENGINEER][0]

    with pytest.raises(ValueError):  # noqa: PT011 - the message varies by change
        specialists_bulk_update(specialist_ids=[specialist.pk], changes=changes, actor=staff_user)


def test_specialist_page_shows_current_and_past_matches_and_decisions(
    staff_client: Any, staff_user: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a specialist ranked in an earlier run and in the latest one, and a decision
    specialist = latest_matches(project)[0].specialist
    first_run_match = latest_matches(project)[0]
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("admin:marketplace_project_rerun", args=[project.pk]), {})
    current_match = Match.objects.filter(specialist=specialist).exclude(pk=first_run_match.pk).get()
    Decision.objects.create(
        actor=staff_user, actor_label="staff", action=Decision.Action.VET, specialist=specialist
    )

    # when staff open the specialist
    response = staff_client.get(
        reverse("admin:marketplace_specialist_change", args=[specialist.pk])
    )

    # then the page splits their matches and lists the decision
    page = response.content.decode()
    assert response.status_code == 200
    assert [m.pk for m in response.context["history"].current] == [current_match.pk]
    assert [m.pk for m in response.context["history"].past] == [first_run_match.pk]
    assert "Current matches (1)" in page
    assert "Past matches (1)" in page
    assert project.title in page
    assert 'data-action="vet"' in page


def test_editing_a_specialist_rematches_and_keeps_decision_fields_read_only(
    staff_client: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a ranked specialist
    specialist = latest_matches(project)[-1].specialist
    url = reverse("admin:marketplace_specialist_change", args=[specialist.pk])
    form = staff_client.get(url).context["adminform"].form
    assert "vetted" not in form.fields
    assert "email" not in form.fields

    # when staff raise their rate beyond the budget through the form
    data = {
        "name": specialist.name,
        "phone": "",
        "headline": "",
        "tier": specialist.tier,
        "hourly_rate": "500.00",
        "hours_per_week": 40,
        "skills": '["Python"]',
        "timezone": "UTC",
        "working_hours": "09:00-17:00",
        "bio": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)

    # then the change is saved and the project is ranked again without them first
    assert response.status_code == 302, response.content.decode()[:2000]
    specialist.refresh_from_db()
    assert str(specialist.hourly_rate) == "500.00"
    assert specialist.vetted
    runs = project.match_runs.count()
    assert runs == 2


def test_adding_a_specialist_through_the_admin(
    staff_client: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    data = {
        "name": "New Person",
        "email": "New.Person@Example.com",
        "phone": "",
        "headline": "RAG",
        "tier": Role.AI_ENGINEER,
        "hourly_rate": "16.00",
        "available_from": timezone.localdate().isoformat(),
        "hours_per_week": 40,
        "skills": '["RAG"]',
        "timezone": "UTC",
        "working_hours": "09:00-17:00",
        "vetted": "on",
        "is_active": "on",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("admin:marketplace_specialist_add"), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    created = Specialist.objects.get(name="New Person")
    assert created.email == "new.person@example.com"
    assert created in [match.specialist for match in latest_matches(project)]


def test_the_admin_refuses_an_email_with_more_than_64_characters_before_the_at(
    staff_client: Any,
) -> None:
    # The API and the import refuse it too: the rule is the model field's.
    data = {
        "name": "Long Address",
        "email": f"{'a' * 65}@example.com",
        "phone": "",
        "headline": "RAG",
        "tier": Role.AI_ENGINEER,
        "hourly_rate": "16.00",
        "available_from": timezone.localdate().isoformat(),
        "hours_per_week": 40,
        "skills": '["RAG"]',
        "timezone": "UTC",
        "working_hours": "09:00-17:00",
    }

    response = staff_client.post(reverse("admin:marketplace_specialist_add"), data)

    assert response.status_code == 200
    assert "The part before @ may have at most 64 characters." in response.content.decode()
    assert not Specialist.objects.filter(name="Long Address").exists()


def test_specialist_list_shows_capacity(staff_client: Any) -> None:
    SpecialistFactory(name="Busy Bee", hours_per_week=30, committed_hours=30)

    page = staff_client.get(reverse(CHANGELIST)).content.decode()

    assert "30 of 30 committed" in page
    assert '<strong class="mp-low">0 free</strong>' in page


def test_specialist_list_filters_by_availability(staff_client: Any) -> None:
    SpecialistFactory(name="Now Person")
    SpecialistFactory(name="Later Person", available_from=timezone.localdate() + timedelta(days=9))

    response = staff_client.get(reverse(CHANGELIST) + "?available=later")

    assert [s.name for s in response.context["cl"].result_list] == ["Later Person"]


def test_match_list_reject_action_needs_a_reason(
    staff_client: Any, project: Any, roster: Any
) -> None:
    other = matched_project(title="Other")
    targets = [latest_matches(project)[0], latest_matches(other)[0]]
    ids = [match.pk for match in targets]
    url = reverse("admin:matching_match_changelist")

    asked = staff_client.post(url, {"action": "reject", "_selected_action": ids})
    assert asked.status_code == 200
    assert 'name="reason"' in asked.content.decode()

    staff_client.post(
        url, {"action": "reject", "_selected_action": ids, "apply": "1", "reason": "Duplicate"}
    )

    assert set(Match.objects.filter(pk__in=ids).values_list("review_status", flat=True)) == {
        Match.ReviewStatus.REJECTED
    }
    assert Decision.objects.filter(action=Decision.Action.REJECT, reason="Duplicate").count() == 2


def test_a_review_of_an_older_run_reaches_the_newer_run_of_the_same_pair(
    staff_user: Any, project: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from matching.services.reviews import match_review
    from matching.services.runs import project_match

    # given staff looking at a match while a newer run has already been made
    old = latest_matches(project)[0]
    project_match(project_id=project.pk, trigger="staff")
    newer = Match.objects.get(project=project, specialist=old.specialist, run__pk__gt=old.run_id)
    assert newer.review_status == Match.ReviewStatus.PENDING

    # when they reject the older match
    match_review(match=old, status=Match.ReviewStatus.REJECTED, actor=staff_user, reason="Gone")

    # then the client's current list no longer offers that specialist
    newer.refresh_from_db()
    assert newer.review_status == Match.ReviewStatus.REJECTED
    assert newer.review_reason == "Gone"
