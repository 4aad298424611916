"""Webhook endpoints, the SSRF guard, and signed deliveries (Standard Webhooks)."""

import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from django.utils import timezone
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from tests.api.conftest import Caller, FakeDNS, partner_caller
from tests.marketplace.factories import SpecialistFactory
from tests.webhooks.factories import WebhookDeliveryFactory, WebhookEndpointFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import (
    RETRY_CAP_SECONDS,
    delivery_attempt,
    event_publish,
    retry_after_seconds,
    retry_delay,
)
from webhooks.url_guard import UnsafeTarget, address_is_public, url_check

pytestmark = pytest.mark.django_db

# ---------------------------------------------------------------- registration


def test_registering_returns_the_secret_once(caller: Caller) -> None:
    # when an endpoint is registered
    response = caller.api.post(
        "/api/v1/webhooks/",
        {"url": "https://hooks.example.com/in", "events": ["project.matched", "match.updated"]},
    )

    # then the secret comes back once, in the Standard Webhooks form
    assert response.status_code == 201, response.content
    body = response.json()
    secret = body["secret"]
    assert secret.startswith("whsec_")
    assert len(__import__("base64").b64decode(secret.removeprefix("whsec_"))) >= 24
    Webhook(secret)  # the reference library accepts it

    # and is never shown again
    detail = caller.api.get(f"/api/v1/webhooks/{body['id']}/").json()
    listing = caller.api.get("/api/v1/webhooks/").json()
    assert "secret" not in detail
    assert all("secret" not in row for row in listing["results"])
    assert secret not in json.dumps(listing)


def test_secrets_differ_between_endpoints(alice: Caller) -> None:
    body = {"url": "https://hooks.example.com/in", "events": ["project.matched"]}
    first = alice.api.post("/api/v1/webhooks/", body).json()["secret"]
    second = alice.api.post("/api/v1/webhooks/", body).json()["secret"]
    assert first != second


def test_deleting_an_endpoint_hides_it_and_keeps_its_log(alice: Caller) -> None:
    endpoint = WebhookEndpointFactory(organization=alice.organization)
    pending = WebhookDeliveryFactory(endpoint=endpoint)
    assert alice.api.delete(f"/api/v1/webhooks/{endpoint.pk}/").status_code == 204
    assert alice.api.get(f"/api/v1/webhooks/{endpoint.pk}/").status_code == 404
    assert alice.api.get("/api/v1/webhooks/").json()["count"] == 0
    pending.refresh_from_db()
    assert pending.status == WebhookDelivery.Status.FAILED
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).is_active is False


# ------------------------------------------------------------------ SSRF guard

INTERNAL_TARGETS = [
    "http://127.0.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0x7f.0.0.1/",
    "http://017700000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://127.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
    "http://10.0.0.1/",
    "http://10.255.255.254:8080/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://100.127.255.254/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[fd12:3456:789a::1]/",
    "http://224.0.0.1/",
    "http://[ff02::1]/",
    "http://255.255.255.255/",
    "http://240.0.0.1/",
    "http://192.0.2.10/",
    "http://198.18.0.1/",
    "http://localhost/",
    "http://localtest.me/",
    "http://rebind.example.net/",
    "http://mixed.example.net/",
    "https://metadata.google.internal/",
    "gopher://hooks.example.com/",
    "file:///etc/passwd",
    "http://user:pw@hooks.example.com/",
    "http:///nohost",
]


@pytest.fixture
def internal_names(fake_dns: FakeDNS) -> FakeDNS:
    fake_dns.answers.update(
        {
            "localhost": ["127.0.0.1", "::1"],
            "localtest.me": ["127.0.0.1"],
            "rebind.example.net": ["10.1.2.3"],
            # One public and one private answer: any private address refuses the name.
            "mixed.example.net": ["93.184.215.14", "192.168.0.10"],
            "metadata.google.internal": ["169.254.169.254"],
        }
    )
    return fake_dns


@pytest.mark.parametrize("url", INTERNAL_TARGETS)
def test_guard_refuses_internal_targets(internal_names: FakeDNS, url: str) -> None:
    with pytest.raises(UnsafeTarget):
        url_check(url)


@pytest.mark.parametrize("url", INTERNAL_TARGETS)
def test_registering_an_internal_target_is_400_naming_url(
    internal_names: FakeDNS, alice: Caller, url: str
) -> None:
    response = alice.api.post("/api/v1/webhooks/", {"url": url, "events": ["project.matched"]})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"url"}
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "url",
    ["https://hooks.example.com/in", "http://93.184.215.14:8443/x", "https://[2606:4700::1]/"],
)
def test_guard_allows_public_targets(url: str) -> None:
    url_check(url)


def test_private_targets_are_allowed_when_configured(settings: Any, internal_names: Any) -> None:
    settings.WEBHOOK_ALLOW_PRIVATE = True
    url_check("http://127.0.0.1:8000/hooks")
    url_check("http://localhost/")
    with pytest.raises(UnsafeTarget):  # the form rules still hold
        url_check("ftp://localhost/")


def test_ipv4_mapped_public_address_is_public() -> None:
    import ipaddress

    assert address_is_public(ipaddress.ip_address("::ffff:93.184.215.14"))
    assert not address_is_public(ipaddress.ip_address("::ffff:10.0.0.1"))


# ------------------------------------------------------------- a real receiver


@dataclass
class Receiver:
    """A tiny HTTP server on 127.0.0.1 that records requests and answers as told."""

    port: int = 0
    answers: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            state.received.append(
                ({k.lower(): v for k, v in self.headers.items()}, self.rfile.read(length))
            )
            status, headers = state.answers.pop(0) if state.answers else (200, {})
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def local_endpoint(settings: Any, receiver: Receiver) -> WebhookEndpoint:
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receiver listens on loopback
    settings.WEBHOOK_MAX_ATTEMPTS = 4
    return WebhookEndpointFactory(url=receiver.url, events=["project.matched"])


def _due(delivery: WebhookDelivery) -> None:
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_delivery_is_signed_so_the_reference_library_verifies_it(
    local_endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    # given a delivery of an event
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint, payload={"project_id": 7})

    # when it is sent
    result = delivery_attempt(delivery_id=delivery.pk)

    # then the receiver verifies it with the reference implementation
    assert result is not None
    assert result.status == WebhookDelivery.Status.SUCCEEDED
    headers, body = receiver.received[0]
    verified = Webhook(local_endpoint.secret).verify(body, headers)
    assert verified["type"] == "project.matched"
    assert verified["data"] == {"project_id": 7}
    assert headers["webhook-id"] == delivery.message_id
    assert headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "tamper",
    [
        lambda h, b: (h, b.replace(b"7", b"8")),
        lambda h, b: ({**h, "webhook-id": "msg_other"}, b),
        lambda h, b: ({**h, "webhook-timestamp": str(int(h["webhook-timestamp"]) + 1)}, b),
        lambda h, b: ({**h, "webhook-timestamp": str(int(time.time()) - 3600)}, b),
        lambda h, b: ({k: v for k, v in h.items() if k != "webhook-signature"}, b),
    ],
    ids=["body", "id", "timestamp", "stale", "unsigned"],
)
def test_tampered_deliveries_fail_verification(
    local_endpoint: WebhookEndpoint, receiver: Receiver, tamper: Any
) -> None:
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint, payload={"project_id": 7})
    delivery_attempt(delivery_id=delivery.pk)
    headers, body = receiver.received[0]
    headers = {k.lower(): v for k, v in headers.items()}
    bad_headers, bad_body = tamper(headers, body)
    with pytest.raises(WebhookVerificationError):
        Webhook(local_endpoint.secret).verify(bad_body, bad_headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(WebhookEndpointFactory().secret).verify(body, headers)


def test_retries_keep_the_id_and_body_with_a_fresh_signature(
    local_endpoint: WebhookEndpoint, receiver: Receiver, monkeypatch: Any
) -> None:
    # given a receiver that fails once, then succeeds
    receiver.answers = [(500, {}), (200, {})]
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint)

    # when the first attempt fails, a retry is scheduled with backoff
    first = delivery_attempt(delivery_id=delivery.pk)
    assert first is not None
    assert first.status == WebhookDelivery.Status.PENDING
    assert first.last_status_code == 500
    assert first.next_attempt_at is not None
    assert first.next_attempt_at > timezone.now()

    # and when the retry is due and runs, a second clock second later
    time.sleep(1.05)
    _due(delivery)
    second = delivery_attempt(delivery_id=delivery.pk)

    # then it succeeded, with the same id and body and a fresh timestamp and signature
    assert second is not None
    assert second.status == WebhookDelivery.Status.SUCCEEDED
    assert second.attempts == 2
    (h1, b1), (h2, b2) = receiver.received
    assert h1["webhook-id"] == h2["webhook-id"] == delivery.message_id
    assert b1 == b2
    assert h1["webhook-timestamp"] != h2["webhook-timestamp"]
    assert h1["webhook-signature"] != h2["webhook-signature"]
    Webhook(local_endpoint.secret).verify(b2, h2)


def test_a_delivered_delivery_is_not_sent_again(
    local_endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint)
    delivery_attempt(delivery_id=delivery.pk)
    _due(delivery)
    delivery_attempt(delivery_id=delivery.pk)
    assert len(receiver.received) == 1


def test_a_delivery_not_yet_due_is_not_sent(
    local_endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    # a second worker running the task while the first holds the lease, or too early
    delivery = WebhookDeliveryFactory(
        endpoint=local_endpoint, next_attempt_at=timezone.now() + timedelta(minutes=5)
    )
    delivery_attempt(delivery_id=delivery.pk)
    assert receiver.received == []


def test_gives_up_after_the_maximum_attempts(
    local_endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.answers = [(503, {})] * 10
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint)
    for _ in range(6):
        _due(delivery)
        delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 4
    assert len(receiver.received) == 4


def test_410_disables_the_endpoint_with_a_reason(
    local_endpoint: WebhookEndpoint, receiver: Receiver
) -> None:
    receiver.answers = [(410, {})]
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint)
    later = WebhookDeliveryFactory(endpoint=local_endpoint)

    delivery_attempt(delivery_id=delivery.pk)

    local_endpoint.refresh_from_db()
    assert local_endpoint.is_active is False
    assert "410" in local_endpoint.disabled_reason
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    # and nothing more is sent to it
    delivery_attempt(delivery_id=later.pk)
    assert len(receiver.received) == 1
    later.refresh_from_db()
    assert later.status == WebhookDelivery.Status.FAILED


@pytest.mark.parametrize("retry_after", ["120", "http-date"])
def test_429_waits_as_long_as_retry_after_says(
    local_endpoint: WebhookEndpoint, receiver: Receiver, retry_after: str
) -> None:
    if retry_after == "http-date":
        retry_after = format_datetime(timezone.now() + timedelta(seconds=600), usegmt=True)
    receiver.answers = [(429, {"Retry-After": retry_after})]
    delivery = WebhookDeliveryFactory(endpoint=local_endpoint)

    result = delivery_attempt(delivery_id=delivery.pk)

    assert result is not None
    assert result.status == WebhookDelivery.Status.PENDING
    wait = (result.next_attempt_at - timezone.now()).total_seconds()
    expected = 120 if retry_after == "120" else 600
    assert expected - 5 <= wait <= expected + 1


def test_redirects_are_not_followed(settings: Any, receiver: Receiver) -> None:
    # given an allowed receiver that redirects to an internal address (another local server)
    settings.WEBHOOK_ALLOW_PRIVATE = True
    internal = Receiver()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    internal.port = server.server_address[1]
    receiver.answers = [(302, {"Location": internal.url}), (307, {"Location": internal.url})]
    endpoint = WebhookEndpointFactory(url=receiver.url)
    delivery = WebhookDeliveryFactory(endpoint=endpoint)

    # when the delivery is attempted
    result = delivery_attempt(delivery_id=delivery.pk)

    # then the 3xx is a failure and the redirect target is never contacted
    server.server_close()
    assert result is not None
    assert result.status == WebhookDelivery.Status.PENDING
    assert result.last_status_code == 302
    assert "not followed" in result.last_error
    assert len(receiver.received) == 1


def test_dns_rebinding_is_refused_at_connect_time(
    settings: Any, fake_dns: FakeDNS, receiver: Receiver
) -> None:
    # given a name that resolved to a public address when it was registered
    fake_dns.answers["rebind.example.net"] = ["93.184.215.14"]
    endpoint = WebhookEndpointFactory(url=f"http://rebind.example.net:{receiver.port}/hook")
    url_check(endpoint.url)

    # when it now resolves to loopback, where a server listens
    fake_dns.answers["rebind.example.net"] = ["127.0.0.1"]
    delivery = WebhookDeliveryFactory(endpoint=endpoint)
    result = delivery_attempt(delivery_id=delivery.pk)

    # then nothing is sent and the attempt is logged as refused
    assert receiver.received == []
    assert result is not None
    assert "Refused" in result.last_error
    assert result.last_status_code is None


def test_connect_goes_to_the_checked_address_with_the_original_host(
    settings: Any, fake_dns: FakeDNS, receiver: Receiver
) -> None:
    # given a name resolved (once) to the receiver's address
    settings.WEBHOOK_ALLOW_PRIVATE = True
    fake_dns.answers["partner.local"] = ["127.0.0.1"]
    endpoint = WebhookEndpointFactory(url=f"http://partner.local:{receiver.port}/hook")
    delivery = WebhookDeliveryFactory(endpoint=endpoint)

    # when it is delivered
    delivery_attempt(delivery_id=delivery.pk)

    # then the request reached the checked address, named by its original host
    headers, _ = receiver.received[0]
    assert headers["host"] == f"partner.local:{receiver.port}"
    assert fake_dns.lookups.count("partner.local") == 1


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    delays = [retry_delay(n) for n in range(1, 20)]
    assert delays[0] <= 30
    assert delays[3] > delays[0]
    assert max(delays) <= RETRY_CAP_SECONDS
    assert len({round(retry_delay(5), 6) for _ in range(20)}) > 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [("30", 30.0), ("0", 1.0), (None, None), ("soon", None), ("99999999", 86400.0)],
)
def test_retry_after_parsing(value: str | None, expected: float | None) -> None:
    assert retry_after_seconds(value) == expected


def test_event_publish_targets_subscribed_active_endpoints_after_commit(
    alice: Caller, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    # given endpoints: subscribed, other event, disabled, deleted, another tenant's
    sent: list[int] = []
    monkeypatch.setattr(
        "webhooks.services.delivery_attempt", lambda *, delivery_id: sent.append(delivery_id)
    )
    org = alice.organization
    wanted = WebhookEndpointFactory(organization=org, events=["project.matched"])
    WebhookEndpointFactory(organization=org, events=["match.updated"])
    WebhookEndpointFactory(organization=org, is_active=False)
    WebhookEndpointFactory(organization=org, deleted_at=timezone.now(), is_active=False)
    WebhookEndpointFactory(events=["project.matched"])

    # when an event is published
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        deliveries = event_publish(organization=org, event="project.matched", payload={"a": 1})

    # then one delivery is queued for the one endpoint, sent only once committed
    assert [d.endpoint_id for d in deliveries] == [wanted.pk]
    assert sent == []
    for callback in callbacks:
        callback()
    assert sent == [deliveries[0].pk]


def test_unknown_event_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown webhook event"):
        event_publish(organization=WebhookEndpointFactory().organization, event="x", payload={})


def test_a_matched_project_is_announced_to_the_partner_signed(
    settings: Any,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a partner whose webhook listens for project.matched, and a roster
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receiver listens on loopback
    partner = partner_caller("Hooked Partner")
    registered = partner.api.post(
        "/api/v1/webhooks/", {"url": receiver.url, "events": ["project.matched"]}, format="json"
    )
    assert registered.status_code == 201, registered.content
    secret = registered.json()["secret"]
    SpecialistFactory(tier="ai_engineer")

    # when the partner submits a project and it is classified and ranked
    with django_capture_on_commit_callbacks(execute=True):
        submitted = partner.api.post(
            "/api/v1/projects/",
            {
                "title": "Docs assistant",
                "description": "Answer questions from our product docs with a hosted LLM.",
                "hourly_budget_max": "40",
                "desired_start": (timezone.localdate() + timedelta(days=7)).isoformat(),
                "checklist": {"general_model_sufficient": True},
            },
            format="json",
        )
    assert submitted.status_code == 201, submitted.content

    # then one signed project.matched delivery reached the partner, naming the project
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    event = Webhook(secret).verify(body, headers)
    assert event["type"] == "project.matched"
    assert event["data"]["project_id"] == submitted.json()["id"]
    assert event["data"]["role_need"] == "ai_engineer"
    assert event["data"]["match_count"] == 1
