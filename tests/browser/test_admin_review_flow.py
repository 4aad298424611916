"""Staff review matches in the real admin, in headless Chromium, and the client's API follows.

These tests drive Debian's Chromium through Playwright against pytest-django's
live server. They save screenshots under artifacts/screenshots/ for a person
to look at.
"""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token

from marketplace.models import Role
from tests.accounts.factories import UserFactory
from tests.marketplace.factories import SpecialistFactory

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (bin/install-browser installs it)",
    ),
]


@pytest.fixture
def browser_page(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, which makes Django
    # refuse ORM calls here; the test's own setup and checks are plain sync code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
            # While Playwright's loop runs, Django keys its connections by that
            # context, not by the thread: the test's ORM calls got connections
            # of their own, which pytest-django never sees. Close them here, or
            # they keep the test database open at teardown.
            from django.db import connections

            connections.close_all()


def _log_in(page: Any, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state()


def _client_matches(base_url: str, token: str, project_id: int) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{base_url}/api/v1/projects/{project_id}/matches/",
        headers={"Authorization": f"Token {token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def test_staff_review_a_project_in_the_browser_and_the_client_api_follows(
    live_server: Any, browser_page: Any
) -> None:
    base = live_server.url
    page = browser_page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # given a roster, a staff member, and a client whose project was matched
    today = timezone.localdate()
    for n, rate in enumerate([22, 25, 28, 31]):
        SpecialistFactory(
            tier=Role.AI_ENGINEER,
            name=f"Ranked Person {n}",
            headline="LLM apps and retrieval",
            hourly_rate=rate,
            available_from=today + timedelta(days=n),
        )
    staff = UserFactory(
        username="reviewer", organization=None, role="staff", is_staff=True, is_superuser=True
    )
    client_user = UserFactory(username="client-alice")
    token = Token.objects.create(user=client_user).key
    submitted = httpx.post(
        f"{base}/api/v1/projects/",
        headers={"Authorization": f"Token {token}"},
        json={
            "title": "Support inbox triage assistant",
            "description": (
                "A chat assistant that drafts answers to support tickets from our help-centre "
                "articles, using a hosted LLM API and retrieval over our docs."
            ),
            "hourly_budget_max": "30",
            "desired_start": (today + timedelta(days=3)).isoformat(),
            "required_skills": ["RAG", "Python"],
            "checklist": {"general_model_sufficient": True, "needs_value_within_weeks": True},
        },
        timeout=30,
    )
    assert submitted.status_code == 201, submitted.text
    project_id = submitted.json()["id"]
    before = _client_matches(base, token, project_id)
    assert len(before) == 4, "tasks run eagerly: the project is matched on submission"

    # when staff log in, they see what needs them, and follow it to the project list
    _log_in(page, base, staff.username)
    summary = page.locator("#needs-attention")
    assert "matches awaiting review" in summary.inner_text()
    assert summary.locator("[data-key=awaiting_review] .mp-count").inner_text() == "4"
    page.screenshot(path=str(SCREENSHOTS / "admin-index.png"))
    summary.locator("[data-key=awaiting_review] a").click()
    page.wait_for_load_state()
    assert "needs_review=yes" in page.url
    page.fill("#searchbar", "triage")
    page.press("#searchbar", "Enter")
    page.wait_for_load_state()
    listing = page.locator("#result_list")
    assert "Support inbox triage assistant" in listing.inner_text()
    assert listing.locator("a.mp-pending").inner_text() == "4"
    page.screenshot(path=str(SCREENSHOTS / "admin-project-list.png"), full_page=True)

    # and open the project: its brief, role need, and ranked matches with scores
    listing.get_by_role("link", name="Support inbox triage assistant").click()
    page.wait_for_load_state()
    assert "help-centre articles" in page.locator("#brief").inner_text()
    assert "AI engineer" in page.locator("#role .mp-role").inner_text()
    rows = page.locator("tr.mp-match")
    assert rows.count() == 4
    first_row = page.locator("tr.mp-match[data-rank='1']")
    assert first_row.locator(".mp-score").inner_text().strip() != ""
    assert first_row.locator(".mp-bar").count() >= 3
    assert first_row.locator("[data-criterion=tier]").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "admin-project-page.png"), full_page=True)

    # when staff approve the first match
    approved_name = first_row.get_attribute("data-specialist")
    first_row.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()

    # then the page and the client's API both say approved
    first_row = page.locator("tr.mp-match[data-rank='1']")
    assert first_row.get_attribute("data-review-status") == "approved"
    assert "approved" in page.locator("ul.messagelist").inner_text().lower()
    after_approve = {
        row["specialist"]["name"]: row for row in _client_matches(base, token, project_id)
    }
    assert after_approve[approved_name]["review_status"] == "approved"

    # when staff reject the second match, first without a reason and then with one
    second_row = page.locator("tr.mp-match[data-rank='2']")
    rejected_name = second_row.get_attribute("data-specialist")
    second_row.get_by_role("button", name="Reject").click()
    page.wait_for_load_state()
    assert "Say why" in page.locator("ul.messagelist").inner_text()
    second_row = page.locator("tr.mp-match[data-rank='2']")
    assert second_row.get_attribute("data-review-status") == "pending"
    second_row.locator("input[name=reason]").fill("Rate too close to the budget ceiling")
    second_row.get_by_role("button", name="Reject").click()
    page.wait_for_load_state()

    # then it is rejected with its reason, and vanishes from the client's list
    second_row = page.locator("tr.mp-match[data-rank='2']")
    assert second_row.get_attribute("data-review-status") == "rejected"
    assert "Rate too close to the budget ceiling" in second_row.inner_text()
    names = [row["specialist"]["name"] for row in _client_matches(base, token, project_id)]
    assert rejected_name not in names
    assert approved_name in names
    assert len(names) == 3

    # when a cheaper specialist joins and staff re-run matching
    SpecialistFactory(
        tier=Role.AI_ENGINEER, name="Newly Vetted", hourly_rate=16, available_from=today
    )
    old_ids = {row["id"] for row in _client_matches(base, token, project_id)}
    page.locator("#rerun-form input[name=reason]").fill("New specialist vetted")
    page.get_by_role("button", name="Re-run matching").click()
    page.wait_for_load_state()

    # then the page shows the staff run with the newcomer, and so does the client's API
    assert "re-run by staff" in page.locator("#matches h2").inner_text()
    assert "Newly Vetted" in page.locator("#matches").inner_text()
    after_rerun = _client_matches(base, token, project_id)
    assert "Newly Vetted" in [row["specialist"]["name"] for row in after_rerun]
    assert not old_ids & {row["id"] for row in after_rerun}, "the API serves the newest run"
    # and staff decisions survive the re-run, on the page and in the client's API
    rerun_rows = page.locator("tr.mp-match")
    approved_again = rerun_rows.filter(has=page.locator(f"text={approved_name}"))
    assert approved_again.get_attribute("data-review-status") == "approved"
    assert "Earlier run: approved by reviewer" in approved_again.inner_text()
    rejected_again = rerun_rows.filter(has=page.locator(f"text={rejected_name}"))
    assert rejected_again.get_attribute("data-review-status") == "rejected"
    assert "Rate too close to the budget ceiling" in rejected_again.inner_text()
    by_name = {row["specialist"]["name"]: row for row in after_rerun}
    assert rejected_name not in by_name
    assert by_name[approved_name]["review_status"] == "approved"

    # and every decision is on the project's record, with who and why
    decisions = page.locator("#decisions").inner_text()
    assert "Approved match" in decisions
    assert "Rejected match" in decisions
    assert "Rate too close to the budget ceiling" in decisions
    assert "Re-ran matching" in decisions
    assert "New specialist vetted" in decisions
    assert "reviewer" in decisions
    page.screenshot(path=str(SCREENSHOTS / "admin-project-after-review.png"), full_page=True)


def test_a_client_account_cannot_enter_the_admin(live_server: Any, browser_page: Any) -> None:
    # given a client member with a password
    client_user = UserFactory(username="client-bob")

    # when they try the admin login page
    _log_in(browser_page, live_server.url, client_user.username)

    # then they are turned away and the admin stays closed
    assert "staff account" in browser_page.locator(".errornote").inner_text()
    browser_page.goto(f"{live_server.url}/admin/marketplace/project/")
    assert "/admin/login/" in browser_page.url
    assert browser_page.locator("#result_list").count() == 0
