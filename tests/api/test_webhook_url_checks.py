"""Webhook URL checks say little, wait briefly and refuse every address that is not global."""

import threading
import time
from typing import Any

import pytest

from tests.api.conftest import Caller, FakeDNS
from webhooks.models import WebhookEndpoint
from webhooks.url_guard import NOT_PUBLIC, UnsafeTarget, url_check

pytestmark = pytest.mark.django_db


def register(caller: Caller, url: str) -> Any:
    return caller.api.post("/api/v1/webhooks/", {"url": url, "events": ["project.matched"]})


def test_a_refusal_does_not_name_the_address_a_host_resolved_to(
    alice: Caller, fake_dns: FakeDNS
) -> None:
    # given internal names, one that exists and one that does not
    fake_dns.answers["db.corp.example.com"] = ["10.20.30.40"]

    # when both are registered
    exists = register(alice, "https://db.corp.example.com/hook")
    missing = register(alice, "https://nothing.corp.example.com/hook")

    # then both get the same plain refusal, which names no address
    assert exists.status_code == missing.status_code == 400
    assert exists.json()["fields"] == missing.json()["fields"] == {"url": [NOT_PUBLIC]}
    assert "10.20.30.40" not in exists.content.decode()
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "address",
    [
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo, carrying a public IPv4
        "2001:2::1",  # benchmarking, inside 2001::/23
        "2002:5db8:d70e::1",  # 6to4 of the public 93.184.215.14
        "::5db8:d70e",  # IPv4-compatible form of the same
        "3fff::1",  # documentation (RFC 9637)
        "ff0e::1",  # global-scope multicast
        "64:ff9b:1::5db8:d70e",  # NAT64 for local use
    ],
)
def test_every_non_global_ipv6_address_is_refused(fake_dns: FakeDNS, address: str) -> None:
    fake_dns.answers["v6.example.com"] = [address]
    with pytest.raises(UnsafeTarget, match="not a public address"):
        url_check(f"http://[{address}]/")
    with pytest.raises(UnsafeTarget, match="not a public address"):
        url_check("http://v6.example.com/")


def test_nat64_of_a_public_address_is_public() -> None:
    url_check("http://[64:ff9b::5db8:d70e]/")


@pytest.mark.parametrize("port", ["0", "65536", "99999"])
def test_a_port_outside_1_to_65535_is_400(alice: Caller, port: str) -> None:
    response = register(alice, f"https://hooks.example.com:{port}/in")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"url"}
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("port", ["1", "65535"])
def test_ports_1_and_65535_are_accepted(alice: Caller, port: str) -> None:
    assert register(alice, f"https://hooks.example.com:{port}/in").status_code == 201


def test_a_host_that_resolves_slowly_is_refused_at_the_deadline(
    alice: Caller, monkeypatch: Any, settings: Any
) -> None:
    # given a resolver that does not answer for a long time
    settings.WEBHOOK_DNS_TIMEOUT_SECONDS = 0.3
    release = threading.Event()

    def hanging(host: str, port: int) -> list[Any]:
        release.wait(10)
        return []

    monkeypatch.setattr("webhooks.url_guard.resolve", hanging)

    # when a URL on that host is registered
    started = time.monotonic()
    try:
        response = register(alice, "https://slow.example.com/in")
    finally:
        release.set()
    elapsed = time.monotonic() - started

    # then the request is refused at the deadline, not when the resolver gives up
    assert response.status_code == 400
    assert response.json()["fields"] == {"url": [NOT_PUBLIC]}
    assert elapsed < 2
