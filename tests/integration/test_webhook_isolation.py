"""One partner's misbehaving webhook receivers do not slow another tenant's matching.

Real PostgreSQL, a Redis of the test's own, and the two workers the
deployment runs: one consuming the matching (default) queue, one the
``webhooks`` queue (docker-compose.yml). Partner 1 registers a receiver that
drips its answer a byte at a time and one that never answers; while their
deliveries are being attempted, another organization's project is matched
within a few seconds.
"""

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from marketplace.models import Project
from tests.api.conftest import client_caller, partner_caller
from tests.integration.conftest import RedisServer, Worker, requires_postgres, wait_for
from tests.marketplace.factories import SpecialistFactory
from tests.webhooks.receivers import DrippingReceiver, SilentReceiver
from webhooks.models import WebhookDelivery

pytestmark = [
    pytest.mark.integration,
    requires_postgres,
    pytest.mark.django_db(transaction=True),
]

# How long another tenant's project may take to be matched, submit to
# "matched", with the slow receivers busy. Matching one takes well under a
# second on a warm worker; without queue isolation it took up to a minute.
MATCHED_WITHIN_SECONDS = 6.0
ATTEMPT_DEADLINE_SECONDS = 3


def _brief(title: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": "A chat assistant that answers from our help-centre articles "
        "with an LLM API and RAG.",
        "hourly_budget_max": "35",
        "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
    }


def _submit(api: Any, title: str) -> int:
    response = api.post("/api/v1/projects/", _brief(title), format="json")
    assert response.status_code == 201, response.content
    return int(response.json()["id"])


def _matched(project_id: int) -> bool:
    return Project.objects.filter(pk=project_id, status=Project.Status.MATCHED).exists()


@pytest.fixture
def slow_receivers() -> Iterator[tuple[DrippingReceiver, SilentReceiver]]:
    # A byte every two seconds: each read is far inside the 10 s step timeout.
    dripping = DrippingReceiver(interval=2.0, total=120)
    silent = SilentReceiver()
    yield dripping, silent
    dripping.close()
    silent.close()


def test_slow_receivers_of_one_partner_do_not_delay_another_tenants_matching(
    settings: Any,
    redis_server: RedisServer,
    start_worker: Callable[..., Worker],
    publish_to: Callable[[str], None],
    slow_receivers: tuple[DrippingReceiver, SilentReceiver],
) -> None:
    # given the deployment's two workers on a real broker, and a roster
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receivers listen on loopback
    for i in range(4):
        SpecialistFactory(tier="ai_engineer", hourly_rate=20 + i)
    broker = redis_server.url(0)
    publish_to(broker)
    env = {
        "WEBHOOK_ALLOW_PRIVATE": "1",
        "WEBHOOK_ATTEMPT_DEADLINE_SECONDS": str(ATTEMPT_DEADLINE_SECONDS),
        "MATCHING_REMATCH_DELAY_SECONDS": "0",
    }
    matching = start_worker(broker_url=broker, queues="celery", **env)
    webhooks = start_worker(broker_url=broker, queues="webhooks", **env)

    # and partner 1 with a dripping and a silent receiver, whose projects'
    # announcements are being attempted
    dripping, silent = slow_receivers
    partner = partner_caller("Partner 1")
    for url in (dripping.url, silent.url):
        response = partner.api.post(
            "/api/v1/webhooks/", {"url": url, "events": ["project.matched"]}, format="json"
        )
        assert response.status_code == 201, response.content
    partner_projects = [_submit(partner.api, f"Partner brief {i}") for i in range(3)]
    assert wait_for(lambda: all(_matched(pk) for pk in partner_projects), timeout=60), (
        matching.log_text()[-3000:]
    )
    assert wait_for(lambda: dripping.connections >= 1 and silent.connections >= 1, timeout=20), (
        webhooks.log_text()[-3000:]
    )

    # when another organization submits a project while those are held
    other = client_caller()
    started = time.monotonic()
    project_id = _submit(other.api, "Another tenant's brief")

    # then it is matched within a few seconds
    assert wait_for(lambda: _matched(project_id), timeout=60, interval=0.05), matching.log_text()[
        -3000:
    ]
    took = time.monotonic() - started
    print(f"another tenant's project matched in {took:.2f} s")
    assert took < MATCHED_WITHIN_SECONDS, f"matched after {took:.1f} s"

    # and the slow receivers' attempts end at the deadline, recorded as failures
    def recorded() -> bool:
        return (
            WebhookDelivery.objects.filter(
                endpoint__organization=partner.organization,
                attempts__gte=1,
                last_error__contains=f"within {ATTEMPT_DEADLINE_SECONDS} s",
            ).count()
            >= 2
        )

    assert wait_for(recorded, timeout=3 * ATTEMPT_DEADLINE_SECONDS + 10), (
        list(WebhookDelivery.objects.values("attempts", "status", "last_error")),
        webhooks.log_text()[-3000:],
    )
    assert matching.process.poll() is None
    assert webhooks.process.poll() is None
