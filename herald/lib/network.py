"""Where a request comes from, kept no more precisely than needed: rate limits count by the
client's address, records keep only its network (/24 for IPv4, /48 for IPv6)."""

import ipaddress


def client_ip(request) -> str:
    """The address of the client that connected. A header the client sends (X-Forwarded-For) is
    not trusted here; behind a proxy, the proxy sets REMOTE_ADDR's source (see deploy/)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def network_of(ip: str) -> str:
    """The address truncated to its network: 203.0.113.7 -> 203.0.113.0/24."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
