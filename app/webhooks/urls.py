"""Where Rebill may send webhooks: https URLs whose every address is public (not loopback, private,
link-local, shared, reserved or multicast), so that a tenant cannot make our workers call into our
own network.

The check runs when an endpoint is saved and again right before each delivery, because a name can
resolve elsewhere later (DNS rebinding); the delivery then connects to the very address that was
checked. WEBHOOK_ALLOW_PRIVATE_URLS (development and tests only) allows http and any address."""

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

RESOLVE_TIMEOUT_SECONDS = 5.0

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeUrl(ValueError):
    """The URL may not receive webhooks; the message says why, in the client's terms."""


@dataclass(frozen=True)
class Target:
    """How to reach a checked URL: the URL to connect to, and what keeps TLS and virtual hosting
    working when the checked address stands in for the host name."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, str] = field(default_factory=dict)


async def check_url(url: str, *, allow_private: bool) -> Target:
    parts = urlsplit(url)
    if allow_private:
        return Target(url)
    if parts.scheme != "https":
        raise UnsafeUrl("must be an https URL")
    host = parts.hostname or ""
    addresses = await _resolve(host, parts.port or 443)
    for address in addresses:
        if not is_public(address):
            raise UnsafeUrl(f"resolves to a private or reserved address ({address}); only public addresses "
                            "receive webhooks")
    if _literal(host) is not None:
        return Target(url)
    # IPv4 first: a worker without IPv6 routes still reaches a dual-stack receiver.
    return pinned(url, min(addresses, key=lambda a: a.version))


def is_public(address: Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback
    return address.is_global and not address.is_multicast


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def _resolve(host: str, port: int) -> list[Address]:
    literal = _literal(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, port, type=socket.SOCK_STREAM),
                                       RESOLVE_TIMEOUT_SECONDS)
    except (OSError, UnicodeError, TimeoutError):  # socket.gaierror is an OSError
        raise UnsafeUrl(f"the host name {host} does not resolve") from None
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    if not addresses:
        raise UnsafeUrl(f"the host name {host} does not resolve")
    return addresses


def pinned(url: str, address: Address) -> Target:
    """`url` with `address` in place of its host name, the name kept for Host and TLS (SNI and the
    certificate check), so that the connection goes where the check looked."""
    parts = urlsplit(url)
    host = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{host}:{parts.port}" if parts.port else host
    return Target(urlunsplit(parts._replace(netloc=netloc)), headers={"Host": parts.netloc},
                  extensions={"sni_hostname": parts.hostname})
