"""The project review page and its one-click actions, driven through the Django test client."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from marketplace.models import Project, Role
from matching.models import Decision, Match, MatchRun
from tests.admin.conftest import latest_matches, matched_project
from tests.conftest import token_client
from tests.marketplace.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def change_url(project: Project) -> str:
    return reverse("admin:marketplace_project_change", args=[project.pk])


def review_url(project: Project, match: Match) -> str:
    return reverse("admin:marketplace_project_review", args=[project.pk, match.pk])


def messages_of(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_project_page_shows_brief_role_questions_trade_offs_and_ranked_matches(
    staff_client: Any, project: Project
) -> None:
    # given a matched project with questions and trade-offs
    Project.objects.filter(pk=project.pk).update(
        clarifying_questions=["Do you have labelled tickets?"],
        trade_offs=[{"message": "A cheaper AI engineer starts two weeks later."}],
    )
    Match.objects.filter(project=project, rank=1).update(
        breakdown={"tier": 1.0, "budget": 0.5, "start": 0.25, "skills": 0.75},
        explanation=["Rate $20/h is within the $35/h budget."],
    )

    # when staff open the project
    response = staff_client.get(change_url(project))

    # then the brief, the role need with its reasons, and the ranked matches are on the page
    assert response.status_code == 200
    page = response.content.decode()
    assert project.description in page
    assert project.get_role_need_display() in page
    assert f"{project.role_confidence:.2f}" in page
    for reason in project.role_rationale:
        assert escape(str(reason)) in page
    assert "Do you have labelled tickets?" in page
    assert "A cheaper AI engineer starts two weeks later." in page
    matches = latest_matches(project)
    assert matches, "the fixture should rank someone"
    for match in matches:
        assert f'id="match-{match.pk}"' in page
        assert match.specialist.name in page
    assert 'data-criterion="skills">0.75<' in page
    assert "width: 25%" in page  # the start bar of rank 1
    assert "Rate $20/h is within the $35/h budget." in page
    assert "Awaiting review" in page


def test_project_page_shows_the_checklist_read_from_the_brief(
    staff_client: Any, project: Project
) -> None:
    # given a project whose brief stated its training data
    Project.objects.filter(pk=project.pk).update(
        inferred_checklist={
            "has_training_data": {
                "answer": False,
                "confidence": 0.85,
                "quote": "nobody ever tagged urgency",
            },
            "model_is_moat": {"answer": None, "confidence": 0.0, "quote": ""},
        }
    )

    # when staff open the project
    page = staff_client.get(change_url(project)).content.decode()

    # then the inferred answer is shown with its quote and confidence, unknowns are not
    assert 'id="inferred-checklist"' in page
    assert "nobody ever tagged urgency" in page
    assert "0.85" in page
    section = page.split('id="inferred-checklist"')[1].split("</ul>")[0]
    assert "proprietary data" not in section


def test_client_written_brief_is_escaped(staff_client: Any, roster: Any) -> None:
    # given a brief and a title that carry markup
    project = matched_project(
        title="<img src=x onerror=alert(1)>",
        description="Please build <script>alert('brief')</script> a help-centre assistant.",
        trade_offs=[{"message": "<b>bold</b> claim"}],
    )

    # when staff open the project and the list
    page = staff_client.get(change_url(project)).content.decode()
    listing = staff_client.get(reverse("admin:marketplace_project_changelist")).content.decode()

    # then the markup is shown as text, never run
    assert "<script>alert('brief')</script>" not in page
    assert "&lt;script&gt;alert(&#x27;brief&#x27;)&lt;/script&gt;" in page
    assert "<img src=x onerror=alert(1)>" not in page
    assert "<img src=x onerror=alert(1)>" not in listing
    assert "<b>bold</b>" not in page


def test_approving_a_match_records_who_and_shows_it(
    staff_client: Any, staff_user: Any, project: Project, client_user: Any
) -> None:
    # given the first-ranked match
    match = latest_matches(project)[0]

    # when staff click approve
    response = staff_client.post(review_url(project, match), {"status": "approved", "reason": ""})

    # then the match is approved, the decision recorded, and the client sees it approved
    assert response.status_code == 302
    assert response["Location"].endswith(f"#match-{match.pk}")
    match.refresh_from_db()
    assert match.review_status == Match.ReviewStatus.APPROVED
    assert match.reviewed_by == staff_user
    decision = Decision.objects.get(match=match)
    assert decision.action == Decision.Action.APPROVE
    assert decision.actor == staff_user
    assert decision.project == project
    page = staff_client.get(change_url(project)).content.decode()
    assert 'data-action="approve"' in page
    api = token_client(client_user).get(f"/api/v1/projects/{project.pk}/matches/").json()
    statuses = {row["id"]: row["review_status"] for row in api["results"]}
    assert statuses[match.pk] == "approved"


def test_shortlisting_a_match(staff_client: Any, project: Project) -> None:
    match = latest_matches(project)[1]

    staff_client.post(review_url(project, match), {"status": "shortlisted"})

    match.refresh_from_db()
    assert match.review_status == Match.ReviewStatus.SHORTLISTED
    assert Decision.objects.filter(match=match, action=Decision.Action.SHORTLIST).exists()


def test_rejecting_without_a_reason_is_refused(staff_client: Any, project: Project) -> None:
    # given a match awaiting review
    match = latest_matches(project)[0]

    # when staff press reject with an empty reason
    response = staff_client.post(review_url(project, match), {"status": "rejected", "reason": " "})

    # then nothing changes and the page says why
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.review_status == Match.ReviewStatus.PENDING
    assert not Decision.objects.exists()
    assert any("Say why" in message for message in messages_of(response))


def test_rejecting_with_a_reason_hides_the_match_from_the_client(
    staff_client: Any, project: Project, client_user: Any
) -> None:
    match = latest_matches(project)[0]

    staff_client.post(
        review_url(project, match), {"status": "rejected", "reason": "Booked elsewhere"}
    )

    match.refresh_from_db()
    assert match.review_status == Match.ReviewStatus.REJECTED
    assert match.review_reason == "Booked elsewhere"
    assert Decision.objects.get(match=match).reason == "Booked elsewhere"
    api = token_client(client_user).get(f"/api/v1/projects/{project.pk}/matches/").json()
    assert match.pk not in [row["id"] for row in api["results"]]
    assert "Booked elsewhere" in staff_client.get(change_url(project)).content.decode()


def test_unknown_review_status_is_refused(staff_client: Any, project: Project) -> None:
    match = latest_matches(project)[0]

    response = staff_client.post(review_url(project, match), {"status": "deleted"})

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.review_status == Match.ReviewStatus.PENDING


def test_a_match_of_another_project_is_not_found(
    staff_client: Any, project: Project, roster: Any
) -> None:
    other = matched_project(title="Other")
    foreign_match = latest_matches(other)[0]

    response = staff_client.post(review_url(project, foreign_match), {"status": "approved"})

    assert response.status_code == 404
    foreign_match.refresh_from_db()
    assert foreign_match.review_status == Match.ReviewStatus.PENDING


def test_review_addresses_refuse_get(staff_client: Any, project: Project) -> None:
    match = latest_matches(project)[0]

    assert staff_client.get(review_url(project, match)).status_code == 404


def test_saving_the_project_form_is_not_allowed(staff_client: Any, project: Project) -> None:
    response = staff_client.post(change_url(project), {"title": "Changed by staff"})

    assert response.status_code == 405
    project.refresh_from_db()
    assert project.title == "Help-centre assistant"


def test_rerun_from_the_page_makes_a_new_run_and_records_it(
    staff_client: Any, staff_user: Any, project: Project, django_capture_on_commit_callbacks: Any
) -> None:
    # given a project with one run
    assert project.match_runs.count() == 1

    # when staff press re-run
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:marketplace_project_rerun", args=[project.pk]),
            {"reason": "Roster grew"},
        )

    # then a staff-triggered run exists and the decision says who and why
    assert response.status_code == 302
    runs = list(project.match_runs.order_by("started_at", "id"))
    assert len(runs) == 2
    assert runs[-1].trigger == MatchRun.Trigger.STAFF
    decision = Decision.objects.get(project=project, action=Decision.Action.RERUN)
    assert (decision.actor, decision.reason) == (staff_user, "Roster grew")


def test_rerun_action_on_the_list_skips_closed_projects(
    staff_client: Any, roster: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given an open and a closed project
    open_project = matched_project(title="Open one")
    closed = matched_project(title="Closed one", closed_at=timezone.now())

    # when staff re-run both from the list
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:marketplace_project_changelist"),
            {"action": "rerun_matching", "_selected_action": [open_project.pk, closed.pk]},
            follow=True,
        )

    # then only the open one is ranked again
    assert open_project.match_runs.count() == 2
    assert closed.match_runs.count() == 1
    text = " ".join(messages_of(response))
    assert "1 project(s)" in text
    assert "Skipped 1 closed" in text


def test_overriding_the_role_reranks_for_the_new_role(
    staff_client: Any,
    staff_user: Any,
    project: Project,
    roster: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a project the classifier thought needs an AI engineer
    assert project.role_need == Role.AI_ENGINEER

    # when staff override it to ML engineer with a reason
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:marketplace_project_override_role", args=[project.pk]),
            {"role": Role.ML_ENGINEER, "reason": "They need a trained fraud model"},
        )

    # then the project is re-ranked with ML engineers and the decision is kept
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.role_need == Role.ML_ENGINEER
    assert project.role_override_by == staff_user
    tiers = {match.specialist.tier for match in latest_matches(project)}
    assert tiers == {Role.ML_ENGINEER}
    decision = Decision.objects.get(project=project, action=Decision.Action.OVERRIDE_ROLE)
    assert decision.details == {"from": Role.AI_ENGINEER, "to": Role.ML_ENGINEER}
    page = staff_client.get(change_url(project)).content.decode()
    assert "They need a trained fraud model" in page
    assert (
        "(set by staff)"
        in staff_client.get(reverse("admin:marketplace_project_changelist")).content.decode()
    )


@pytest.mark.parametrize(
    "data", [{"role": "ml_engineer", "reason": ""}, {"role": "data_scientist", "reason": "x"}]
)
def test_role_override_needs_a_known_role_and_a_reason(
    staff_client: Any, project: Project, data: dict[str, str]
) -> None:
    response = staff_client.post(
        reverse("admin:marketplace_project_override_role", args=[project.pk]), data
    )

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.role_override == ""
    assert not Decision.objects.exists()


def test_staff_without_change_permission_cannot_act(project: Project, client: Any) -> None:
    # given a staff member who may only view projects
    from django.contrib.auth.models import Permission

    from tests.accounts.factories import UserFactory

    viewer = UserFactory(organization=None, role="staff", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_project"))
    client.force_login(viewer)
    match = latest_matches(project)[0]

    # when they see the page and try to approve anyway
    page = client.get(change_url(project))
    response = client.post(review_url(project, match), {"status": "approved"})

    # then the page offers no buttons and the post is refused
    assert page.status_code == 200
    assert "Approve</button>" not in page.content.decode()
    assert response.status_code == 403
    match.refresh_from_db()
    assert match.review_status == Match.ReviewStatus.PENDING


def test_project_list_shows_review_counts_and_time_to_matches(
    staff_client: Any, project: Project
) -> None:
    # given a matched project whose first match is reviewed and which took 90 s
    first, *rest = latest_matches(project)
    Match.objects.filter(pk=first.pk).update(review_status=Match.ReviewStatus.APPROVED)
    Project.objects.filter(pk=project.pk).update(
        matched_at=project.created_at + timedelta(seconds=90)
    )

    # when staff open the list
    page = staff_client.get(reverse("admin:marketplace_project_changelist")).content.decode()

    # then it shows how many are left to review and how long matching took
    assert f'#matches">{len(rest)}</a>' in page
    assert "1 min 30 s" in page


def test_project_list_filters(staff_client: Any, roster: Any, settings: Any) -> None:
    # given projects in each state staff look for
    reviewed = matched_project(title="All reviewed")
    Match.objects.filter(project=reviewed).update(review_status=Match.ReviewStatus.APPROVED)
    waiting = matched_project(title="Waiting for review")
    unsure = matched_project(title="Unsure one")
    Project.objects.filter(pk=unsure.pk).update(role_confidence=0.55)
    Match.objects.filter(project=unsure).update(review_status=Match.ReviewStatus.REJECTED)
    stuck = ProjectFactory(title="Stuck one")
    Project.objects.filter(pk=stuck.pk).update(
        status_changed_at=timezone.now()
        - timedelta(seconds=settings.STUCK_PROJECT_AFTER_SECONDS + 5)
    )
    fresh = ProjectFactory(title="Fresh pending")
    url = reverse("admin:marketplace_project_changelist")

    def titles(query: str) -> set[str]:
        response = staff_client.get(f"{url}?{query}")
        assert response.status_code == 200
        return {project.title for project in response.context["cl"].result_list}

    # then each filter finds exactly its projects
    assert titles("needs_review=yes") == {waiting.title}
    assert titles("confidence=low") == {unsure.title}
    assert titles("stuck=yes") == {stuck.title}
    assert titles("status__exact=pending") == {stuck.title, fresh.title}
    assert titles("role_need__exact=ml_engineer") == set()
    assert titles(f"q={waiting.organization.name}") == {waiting.title}
    assert titles("q=Unsure") == {unsure.title}


def test_a_client_account_cannot_enter_the_admin(client: Any, client_user: Any) -> None:
    # given a client member with a password
    # when they log in on the admin login page
    response = client.post(
        reverse("admin:login"),
        {"username": client_user.username, "password": "correct horse battery staple"},
    )

    # then the admin refuses them and its pages stay closed
    assert response.status_code == 200
    assert "staff account" in response.content.decode()
    client.force_login(client_user)
    page = client.get(reverse("admin:marketplace_project_changelist"))
    assert page.status_code == 302
    assert reverse("admin:login") in page["Location"]
