"""Where a request comes from, kept no more precisely than needed: rate limits count by the
client's address, records keep only its network (/24 for IPv4, /48 for IPv6)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The address of the client. Behind proxies listed in TRUSTED_PROXIES (nginx, a load
    balancer), the nearest address in X-Forwarded-For that is not one of them; a header sent by
    anyone else is ignored, so a client cannot choose the address it is counted under."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not is_trusted(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not is_trusted(hop):
            return hop if valid(hop) else address
    return address


def valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(
        ip in ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES
    )


def network_of(ip: str) -> str:
    """The address truncated to its network: 203.0.113.7 -> 203.0.113.0/24."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
