"""Keep webhooks away from internal networks (SSRF), at registration and at connect time.

A URL is refused unless every address its host resolves to is a public
unicast address. Numeric hosts in any form the C library accepts
(``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1``) are decoded
without DNS, and IPv6 forms that embed an IPv4 address (mapped, NAT64,
6to4) are judged by the embedded address. At delivery time the host is
resolved once, checked, and the connection goes to the checked address
(see ``webhooks.transport``), so a DNS answer that changes between check
and connect (rebinding) cannot reach an internal address.

"Public" means ``ipaddress``'s ``is_global`` (the IANA special-purpose
registries), with the ranges it still lets through in some Python versions
refused by name: Teredo and the rest of 2001::/23, 6to4 (2002::/16, whose
relays are deprecated), the deprecated IPv4-compatible ::/96, documentation
prefixes, multicast. IPv4-mapped and NAT64 addresses are judged by the IPv4
address they carry. A refusal says only that the host is not a public
address: naming what an internal name resolved to would make the check a
probe of internal DNS. Names are resolved with a deadline, in a thread, so a
slow resolver cannot hold a web request (or a delivery) for its own timeout.
"""

import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import httpx
from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
# Not reachable as one public host, whatever this Python's is_global says.
_REFUSED_IPV6 = tuple(
    ipaddress.ip_network(net)
    for net in (
        "::/96",  # IPv4-compatible (deprecated), and :: and ::1
        "64:ff9b:1::/48",  # NAT64 for local use
        "2001::/23",  # IETF protocol assignments: Teredo 2001::/32, ORCHID, ...
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4 (deprecated, RFC 7526)
        "3fff::/20",  # documentation (RFC 9637)
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)
ALLOWED_SCHEMES = ("http", "https")
NOT_PUBLIC = "The URL's host is not a public address."
# Resolutions run here so that each can be given up on at its deadline; a
# lookup that never returns holds one thread, and later lookups still get
# their own deadline (it counts from the call, queueing included).
_resolver_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="webhook-dns")


class UnsafeTarget(ValueError):
    """The URL may not be called: a bad form, or an address that is not public."""


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    addresses: tuple[IPAddress, ...]


def private_targets_allowed() -> bool:
    return bool(settings.WEBHOOK_ALLOW_PRIVATE)


def address_is_public(address: IPAddress) -> bool:
    """A global unicast address: not private, loopback, link-local, multicast, reserved, ..."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id or any(address in net for net in _REFUSED_IPV6):
            return False
        if address.ipv4_mapped is not None:
            return address_is_public(address.ipv4_mapped)
        if address in _NAT64:
            return address_is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    elif address in _CGNAT:
        return False
    return (
        address.is_global
        and not address.is_private
        and not address.is_loopback
        and not address.is_link_local
        and not address.is_multicast
        and not address.is_reserved
        and not address.is_unspecified
    )


def _numeric_host(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    # Shorthand and non-decimal IPv4 forms (127.1, 0x7f000001, 2130706433, 0177.0.0.1)
    # that the C library, and so any HTTP client below us, would accept.
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address of ``host``; patched in tests so that no test depends on real DNS."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        text = str(sockaddr[0]).split("%", 1)[0]
        address = ipaddress.ip_address(text)
        if address not in addresses:
            addresses.append(address)
    return addresses


def resolve_within_deadline(host: str, port: int) -> list[IPAddress]:
    """``resolve`` given up on after ``WEBHOOK_DNS_TIMEOUT_SECONDS``: raises ``TimeoutError``."""
    future = _resolver_pool.submit(resolve, host, port)
    try:
        return future.result(timeout=settings.WEBHOOK_DNS_TIMEOUT_SECONDS)
    except FutureTimeout:
        future.cancel()
        raise TimeoutError(f"resolving {host!r} took too long") from None


def parse_url(url: str) -> httpx.URL:
    """The URL if its form is acceptable: http(s), a host, a port 1-65535, no credentials."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError):
        raise UnsafeTarget("Not a valid URL.") from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise UnsafeTarget("Only http and https URLs are allowed.")
    if not parsed.host:
        raise UnsafeTarget("The URL has no host.")
    if parsed.userinfo:
        raise UnsafeTarget("Credentials in the URL are not allowed.")
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise UnsafeTarget("The port must be between 1 and 65535.")
    return parsed


def target_resolve(url: str | httpx.URL) -> Target:
    """Resolve the URL's host once and check every address it has.

    Raises ``UnsafeTarget`` unless all addresses are public (or
    ``WEBHOOK_ALLOW_PRIVATE`` is set).
    """
    parsed = parse_url(str(url))
    host = parsed.host
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    numeric = _numeric_host(host)
    if numeric is not None:
        addresses = [numeric]
    else:
        try:
            addresses = resolve_within_deadline(host, port)
        except (OSError, UnicodeError, ValueError):  # TimeoutError is an OSError
            # The same words as a private answer: which names exist inside is no
            # business of the caller's.
            raise UnsafeTarget(NOT_PUBLIC) from None
        if not addresses:
            raise UnsafeTarget(NOT_PUBLIC)
    if not private_targets_allowed() and not all(address_is_public(a) for a in addresses):
        raise UnsafeTarget(NOT_PUBLIC)
    return Target(host=host, port=port, addresses=tuple(addresses))


def url_check(url: str) -> None:
    """For registration: raise ``UnsafeTarget`` if the URL may not receive webhooks."""
    target_resolve(url)
