"""Accounts, partner keys, webhooks and the "needs attention" summary in the admin."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import PartnerAPIKey
from accounts.services import partner_key_create
from marketplace.models import Project
from matching.models import Match
from tests.accounts.factories import OrganizationFactory
from tests.admin.conftest import matched_project
from tests.marketplace.factories import ProjectFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def test_partner_key_is_shown_once_then_only_its_prefix(staff_client: Any) -> None:
    # given a partner organization
    partner = OrganizationFactory(name="Partner Inc", kind="partner")

    # when staff create a key in the admin
    response = staff_client.post(
        reverse("admin:accounts_partnerapikey_add"),
        {"name": "production", "organization": partner.pk},
        follow=True,
    )

    # then the full key is in the one-time message, and the list shows only the prefix
    shown = (
        " ".join(str(m) for m in get_messages(response.wsgi_request)) + response.content.decode()
    )
    api_key = PartnerAPIKey.objects.get(organization=partner)
    found = re.search(rf"({re.escape(api_key.prefix)}\.[A-Za-z0-9]+)", shown)
    assert found, "the new key must be shown once"
    key = found.group(1)
    assert PartnerAPIKey.objects.is_valid(key)
    listing = staff_client.get(reverse("admin:accounts_partnerapikey_changelist")).content.decode()
    assert api_key.prefix in listing
    assert key not in listing
    detail = staff_client.get(
        reverse("admin:accounts_partnerapikey_change", args=[api_key.pk])
    ).content.decode()
    assert key not in detail


def test_revoking_a_partner_key_locks_the_partner_out(staff_client: Any) -> None:
    # given a partner key that works
    minted = partner_key_create(partner_name="Partner Inc")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Api-Key {minted.key}")
    assert api.get("/api/v1/projects/").status_code == 200

    # when staff revoke it
    staff_client.post(
        reverse("admin:accounts_partnerapikey_changelist"),
        {"action": "revoke", "_selected_action": [minted.api_key.pk]},
    )

    # then it is refused
    minted.api_key.refresh_from_db()
    assert minted.api_key.revoked
    assert api.get("/api/v1/projects/").status_code in {401, 403}


def test_client_tokens_list_names_the_organization(staff_client: Any, client_user: Any) -> None:
    from rest_framework.authtoken.models import Token

    Token.objects.create(user=client_user)

    page = staff_client.get(reverse("admin:authtoken_tokenproxy_changelist")).content.decode()

    assert client_user.organization.name in page


def test_organization_and_user_pages_open(staff_client: Any, client_user: Any) -> None:
    for url in [
        reverse("admin:accounts_organization_changelist"),
        reverse("admin:accounts_organization_change", args=[client_user.organization_id]),
        reverse("admin:accounts_user_changelist"),
        reverse("admin:accounts_user_change", args=[client_user.pk]),
        reverse("admin:accounts_user_add"),
        reverse("admin:authtoken_tokenproxy_add"),
        reverse("admin:webhooks_webhookendpoint_changelist"),
        reverse("admin:webhooks_webhookdelivery_changelist"),
        reverse("admin:matching_matchrun_changelist"),
        reverse("admin:matching_match_changelist"),
        reverse("admin:matching_decision_changelist"),
        reverse("admin:marketplace_idempotencykey_changelist"),
    ]:
        assert staff_client.get(url).status_code == 200, url


def _delivery(endpoint: WebhookEndpoint, **fields: Any) -> WebhookDelivery:
    return WebhookDelivery.objects.create(
        endpoint=endpoint, event="project.matched", payload={}, **fields
    )


def test_index_summarises_what_needs_attention_with_links(
    staff_client: Any, roster: Any, settings: Any
) -> None:
    # given one of each thing staff must look at, and things that are fine
    stuck = ProjectFactory(title="Stuck")
    Project.objects.filter(pk=stuck.pk).update(
        status_changed_at=timezone.now()
        - timedelta(seconds=settings.STUCK_PROJECT_AFTER_SECONDS + 1)
    )
    ProjectFactory(title="Just submitted")
    unsure = matched_project(title="Unsure")
    Project.objects.filter(pk=unsure.pk).update(role_confidence=0.4)
    unsure_matches = Match.objects.filter(project=unsure).count()
    closed = matched_project(title="Closed", closed_at=timezone.now())
    Project.objects.filter(pk=closed.pk).update(role_confidence=0.1)
    endpoint = WebhookEndpoint.objects.create(
        organization=unsure.organization, url="https://example.com/hook", secret="whsec_x"
    )
    _delivery(endpoint, status=WebhookDelivery.Status.FAILED, attempts=12)
    _delivery(endpoint, status=WebhookDelivery.Status.PENDING, attempts=3)
    _delivery(endpoint, status=WebhookDelivery.Status.PENDING, attempts=1)
    _delivery(endpoint, status=WebhookDelivery.Status.SUCCEEDED, attempts=2)

    # when staff open the admin
    response = staff_client.get(reverse("admin:index"))

    # then the summary counts each and links to the filtered list that shows them
    page = response.content.decode()
    assert "Needs attention" in page
    counts = {
        key: int(count)
        for key, count in re.findall(
            r'data-key="(\w+)">\s*<a href="[^"]+"><span class="mp-count">(\d+)</span>', page
        )
    }
    assert counts == {
        "stuck": 1,
        "low_confidence": 1,
        "awaiting_review": unsure_matches,
        "failing_webhooks": 2,
    }
    links = dict(re.findall(r'data-key="(\w+)">\s*<a href="([^"]+)"', page))
    stuck_list = staff_client.get(links["stuck"].replace("&amp;", "&"))
    assert [p.title for p in stuck_list.context["cl"].result_list] == ["Stuck"]
    unsure_list = staff_client.get(links["low_confidence"].replace("&amp;", "&"))
    assert [p.title for p in unsure_list.context["cl"].result_list] == ["Unsure"]
    review_list = staff_client.get(links["awaiting_review"].replace("&amp;", "&"))
    assert [p.title for p in review_list.context["cl"].result_list] == ["Unsure"]
    failing = staff_client.get(links["failing_webhooks"].replace("&amp;", "&"))
    assert len(failing.context["cl"].result_list) == 2
