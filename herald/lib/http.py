"""The one way out to the network: every outbound request goes through fetch(). It caps time and
size, names itself, and refuses private addresses except the host:port pairs in FETCH_ALLOW."""

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from django.conf import settings


class FetchError(Exception):
    """The fetch failed; the message says why in words an editor understands."""


class FetchRefused(FetchError):
    """The URL points somewhere Herald must not go."""


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {parts.scheme or 'none'}")
    host = parts.hostname
    if not host:
        raise FetchRefused("the URL names no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused("the URL has an invalid port") from None
    if f"{host}:{port}" in settings.FETCH_ALLOW:
        return
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve {host}: {error.strerror}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchRefused(f"{host} resolves to a non-public address ({address})")


def fetch(url: str, headers: dict[str, str] | None = None) -> Response:
    """GET url and return its body as bytes, following redirects (each one checked)."""
    limit = settings.FETCH_MAX_BYTES

    def check_request(request: httpx.Request) -> None:
        check_url(str(request.url))

    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(settings.FETCH_TIMEOUT, connect=10),
                follow_redirects=True,
                max_redirects=5,
                headers={"User-Agent": settings.HERALD_USER_AGENT, **(headers or {})},
                event_hooks={"request": [check_request]},
                trust_env=False,
            ) as client,
            client.stream("GET", url) as response,
        ):
            body = bytearray()
            # iter_bytes decompresses, so the cap bounds what a gzip bomb could inflate to.
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > limit:
                    raise FetchError(f"the response is larger than {limit} bytes")
            return Response(
                url=str(response.url),
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
                body=bytes(body),
            )
    except httpx.TooManyRedirects:
        raise FetchError("too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError("the server did not answer in time") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{type(error).__name__}: {error}") from None
