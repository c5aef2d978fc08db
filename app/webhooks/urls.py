"""Where Rebill may send webhooks: https URLs whose every address is public (not loopback, private,
link-local, shared, reserved or multicast), so that a tenant cannot make our workers call into our
own network.

The check runs when an endpoint is saved and again right before each delivery, because a name can
resolve elsewhere later (DNS rebinding); the delivery then connects to the very address that was
checked. WEBHOOK_ALLOW_PRIVATE_URLS (development and tests only) allows http and any address.

An IPv6 address can stand for an IPv4 one, and is then judged by it: IPv4-mapped (`::ffff:a.b.c.d`),
NAT64 with the well-known prefix (`64:ff9b::a.b.c.d`, RFC 6052) and 6to4 (`2002:aabb:ccdd::/48`,
RFC 3056) reach the embedded IPv4 host, so they pass exactly when it is public. Three embeddings are
refused whatever they carry, as no receiver has a reason to use them and their IPv4 may not be
where it seems: IPv4-compatible (`::a.b.c.d`, deprecated by RFC 4291), local-use NAT64
(`64:ff9b:1::/48`, RFC 8215: where the IPv4 sits depends on the operator's prefix length) and
Teredo (`2001::/32`, whose client IPv4 is stored inverted). Other IPv6 addresses must be global
unicast (`2000::/3`)."""

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
            raise UnsafeUrl(f"resolves to a private or reserved address ({_described(address)}); only public "
                            "addresses receive webhooks")
    if _literal(host) is not None:
        return Target(url)
    # IPv4 first: a worker without IPv6 routes still reaches a dual-stack receiver.
    return pinned(url, min(addresses, key=lambda a: a.version))


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Refused whatever they embed (see the module's docstring).
_REFUSED_EMBEDDINGS = {
    ipaddress.IPv6Network("::/96"): "IPv4-compatible",
    ipaddress.IPv6Network("64:ff9b:1::/48"): "local-use NAT64",
    ipaddress.IPv6Network("2001::/32"): "Teredo",
}
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")


def is_public(address: Address) -> bool:
    """Whether a webhook may be sent to `address` (a literal in the URL or an answer of DNS)."""
    if isinstance(address, ipaddress.IPv6Address):
        if _refused_embedding(address) is not None:
            return False
        embedded = embedded_ipv4(address)
        if embedded is not None:
            return is_public(embedded)  # ::ffff:127.0.0.1 and 64:ff9b::7f00:1 are loopback
        if address not in _GLOBAL_UNICAST:
            return False
    return address.is_global and not address.is_multicast


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 host a connection to `address` reaches: IPv4-mapped, well-known NAT64 or 6to4."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def _refused_embedding(address: ipaddress.IPv6Address) -> str | None:
    return next((kind for network, kind in _REFUSED_EMBEDDINGS.items() if address in network), None)


def _described(address: Address) -> str:
    if isinstance(address, ipaddress.IPv6Address) and not (address.is_loopback or address.is_unspecified):
        if (kind := _refused_embedding(address)) is not None:
            client = f" for {address.teredo[1]}" if address.teredo else ""
            return f"{address}, a refused {kind} address{client}"
        if (embedded := embedded_ipv4(address)) is not None:
            return f"{address}, which stands for {embedded}"
    return str(address)


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
