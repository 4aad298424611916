"""Keep webhooks away from internal networks (SSRF), at registration and at connect time.

A URL is refused unless every address its host resolves to is a public
unicast address. Numeric hosts in any form the C library accepts
(``2130706433``, ``0x7f000001``, ``0177.0.0.1``, ``127.1``) are decoded
without DNS, and IPv6 forms that embed an IPv4 address (mapped, NAT64,
6to4) are judged by the embedded address. At delivery time the host is
resolved once, checked, and the connection goes to the checked address
(see ``webhooks.transport``), so a DNS answer that changes between check
and connect (rebinding) cannot reach an internal address.
"""

import ipaddress
import socket
from dataclasses import dataclass

import httpx
from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
ALLOWED_SCHEMES = ("http", "https")


class UnsafeTarget(ValueError):
    """The URL may not be called: a bad form, or an address that is not public."""


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    addresses: tuple[IPAddress, ...]


def private_targets_allowed() -> bool:
    return bool(settings.WEBHOOK_ALLOW_PRIVATE)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64 or address in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    # The deprecated IPv4-compatible form ::a.b.c.d.
    if int(address) >> 32 == 0 and int(address) > 1:
        return ipaddress.IPv4Address(int(address))
    return None


def address_is_public(address: IPAddress) -> bool:
    """A global unicast address: not private, loopback, link-local, multicast, reserved, ..."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return address_is_public(embedded)
        if address.scope_id or address.is_site_local:
            return False
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
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


def parse_url(url: str) -> httpx.URL:
    """The URL if its form is acceptable: http(s), a host, no credentials."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise UnsafeTarget(f"Not a valid URL: {exc}") from None
    if parsed.scheme not in ALLOWED_SCHEMES:
        raise UnsafeTarget("Only http and https URLs are allowed.")
    if not parsed.host:
        raise UnsafeTarget("The URL has no host.")
    if parsed.userinfo:
        raise UnsafeTarget("Credentials in the URL are not allowed.")
    return parsed


def target_resolve(url: str | httpx.URL) -> Target:
    """Resolve the URL's host once and check every address it has.

    Raises ``UnsafeTarget`` unless all addresses are public (or
    ``WEBHOOK_ALLOW_PRIVATE`` is set).
    """
    parsed = parse_url(str(url)) if isinstance(url, str) else url
    host = parsed.host
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    numeric = _numeric_host(host)
    if numeric is not None:
        addresses = [numeric]
    else:
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError, ValueError) as exc:
            raise UnsafeTarget(f"The host {host!r} cannot be resolved.") from exc
        if not addresses:
            raise UnsafeTarget(f"The host {host!r} has no addresses.")
    if not private_targets_allowed():
        for address in addresses:
            if not address_is_public(address):
                raise UnsafeTarget(
                    f"The host {host!r} resolves to {address}, which is not a public address."
                )
    return Target(host=host, port=port, addresses=tuple(addresses))


def url_check(url: str) -> None:
    """For registration: raise ``UnsafeTarget`` if the URL may not receive webhooks."""
    target_resolve(url)
