"""The one way out to the network: every outbound request goes through fetch(). It resolves each
host once, refuses non-public addresses (except the host:port pairs in FETCH_ALLOW), connects to
the very address it checked, and caps time, size and redirects."""

import base64
import functools
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import httpcore
import httpx
from django.conf import settings

REDIRECTS = (301, 302, 303, 307, 308)
# Prefixes that carry an IPv4 address in their last 32 bits (IPv4-compatible, -mapped, -translated,
# NAT64): a packet sent there reaches that IPv4 address, so it is the one checked.
EMBEDS_IPV4 = [ipaddress.ip_network(n) for n in ("::/96", "::ffff:0:0/96", "::ffff:0:0:0/96")]
EMBEDS_IPV4.append(ipaddress.ip_network("64:ff9b::/96"))
# Not public although Python 3.12's is_global says so: local-use NAT64 (RFC 8215), the IETF block
# holding Oracle Cloud's metadata service (192.0.0.192), and Azure's platform address.
NOT_PUBLIC = [ipaddress.ip_network(n) for n in ("64:ff9b:1::/48", "192.0.0.0/24", "168.63.129.16")]
# Within keep_alive(): idle connections kept per host name, and for how long. Below the shortest
# keep-alive timeout servers commonly set (Apache's 5 s), so that a request is seldom sent on a
# connection the server is just closing (one it has closed already is noticed and not used).
KEEP_ALIVE_CONNECTIONS = 2
KEEP_ALIVE_SECONDS = 4.0


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
    redirects: list[tuple[int, str]] = field(default_factory=list)  # (status, target) per hop


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    headers: dict[str, str] | None = None,
    max_bytes: int | None = None,
) -> Response:
    """GET url, following redirects (each hop checked), and return the last answer whatever its
    status; a 304 answers a conditional GET. Raises FetchError when no answer came."""
    limit = settings.FETCH_MAX_BYTES if max_bytes is None else max_bytes
    max_redirects = settings.FETCH_MAX_REDIRECTS
    deadline = time.monotonic() + settings.FETCH_TIMEOUT
    request_headers = httpx.Headers({"User-Agent": settings.HERALD_USER_AGENT})
    request_headers.update(headers or {})
    request_headers["Accept-Encoding"] = "gzip, deflate"  # only what _read_body decodes
    if etag:
        request_headers["If-None-Match"] = etag
    if last_modified:
        request_headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(settings.FETCH_READ_TIMEOUT, connect=settings.FETCH_CONNECT_TIMEOUT)
    redirects: list[tuple[int, str]] = []
    kept = _kept.get()
    connections = _Connections(keep_alive=False) if kept is None else kept
    try:
        while True:
            with closing(_send(connections, url, request_headers, timeout, deadline)) as response:
                location = response.headers.get("location")
                if response.status_code not in REDIRECTS or not location:
                    return Response(
                        url=url,
                        status=response.status_code,
                        headers={k.lower(): v for k, v in response.headers.items()},
                        body=_read_body(response, limit, deadline),
                        redirects=redirects,
                    )
            if len(redirects) >= max_redirects:
                raise FetchError(f"more than {max_redirects} redirects")
            url = urljoin(url, location.strip())
            redirects.append((response.status_code, url))
    except httpx.TimeoutException:
        raise FetchError("the server did not answer in time") from None
    except httpx.ConnectError as error:
        raise FetchError(f"cannot connect to {urlsplit(url).hostname}: {error}") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FetchError(f"the fetch failed: {error}") from None
    finally:
        if kept is None:
            connections.close()


@contextmanager
def keep_alive() -> Iterator[None]:
    """Within the block (one poll: its feed, robots.txt, pages and pictures), fetch() keeps its
    connections open for the block's later requests instead of opening one per request: a
    TCP and TLS handshake saved per page, and fewer connections to the outlet. Each request is
    still resolved and checked first; a kept connection serves only the host name it was
    opened (and its certificate checked) for, and only a request whose checked address is the
    one it is connected to. Not shared with other threads."""
    connections = _Connections(keep_alive=True)
    token = _kept.set(connections)
    try:
        yield
    finally:
        _kept.reset(token)
        connections.close()


def resolve(host: str, port: int) -> list[str]:
    """The addresses host resolves to: the one place Herald looks up a name (tests replace it)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FetchError(f"cannot resolve {host}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in network for network in EMBEDS_IPV4):
            return is_public(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded and not is_public(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast and not any(ip in n for n in NOT_PUBLIC)


def _send(
    connections: "_Connections",
    url: str,
    headers: httpx.Headers,
    timeout: httpx.Timeout,
    deadline: float,
) -> httpx.Response:
    """Check url, resolve its host once, and send the request to the checked addresses in turn
    (as a browser does when one does not answer), naming the host in Host and in TLS."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs are fetched, not {parts.scheme or 'none'}")
    default_port = 443 if parts.scheme == "https" else 80
    try:
        port = default_port if parts.port is None else parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")  # names travel as punycode
    except (ValueError, UnicodeError):
        raise FetchRefused("the URL has an invalid host or port") from None
    if not host:
        raise FetchRefused("the URL names no host")
    name = f"[{host}]" if ":" in host else host
    addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    if f"{name}:{port}" not in {entry.lower() for entry in settings.FETCH_ALLOW}:
        # Any non-public address refuses the name: another lookup could return that one.
        for address in addresses:
            if not is_public(address):
                raise FetchRefused(f"{host} resolves to a non-public address ({address})")

    headers = headers.copy()
    headers["Host"] = name if port == default_port else f"{name}:{port}"
    # The connection goes to the address, but SNI and the certificate check use the name.
    extensions: dict[str, Any] = {"timeout": timeout.as_dict()}
    if parts.scheme == "https":
        extensions["sni_hostname"] = host
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(credentials.encode()).decode()

    transport = connections.transport(parts.scheme, host, port, deadline)

    def request_to(address: str) -> httpx.Request:
        netloc = f"[{address}]:{port}" if ":" in address else f"{address}:{port}"
        target = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        return httpx.Request("GET", target, headers=headers, extensions=extensions)

    for address in addresses[:-1]:
        try:
            return transport.handle_request(request_to(address))
        except httpx.ConnectError:
            pass
    return transport.handle_request(request_to(addresses[-1]))


def _read_body(response: httpx.Response, limit: int, deadline: float) -> bytes:
    if response.status_code == 304:
        return b""  # whatever its Content-Length says: that is the length of the unsent body
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise FetchError(f"the response is larger than {limit} bytes")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"the server sent an unknown content encoding ({encoding})")
    # Decompressed here, never by httpx, so the cap bounds what a gzip bomb inflates to in memory.
    decoder = None if encoding == "identity" else zlib.decompressobj(32 + zlib.MAX_WBITS)
    body = bytearray()
    try:
        for chunk in response.iter_raw():
            if time.monotonic() > deadline:
                raise FetchError("the server did not answer in time")
            body += decoder.decompress(chunk, limit + 1 - len(body)) if decoder else chunk
            if len(body) > limit:
                raise FetchError(f"the response is larger than {limit} bytes")
        body += decoder.flush() if decoder else b""
    except zlib.error:
        raise FetchError(f"the server sent a broken {encoding} body") from None
    if len(body) > limit:
        raise FetchError(f"the response is larger than {limit} bytes")
    return bytes(body)


@functools.cache
def _tls() -> ssl.SSLContext:
    return httpx.create_ssl_context(trust_env=False)


_kept: ContextVar["_Connections | None"] = ContextVar("herald_kept_connections", default=None)


class _Connections:
    """The transports of one fetch, or those kept through a keep_alive() block: one per (scheme,
    host name, port). The pool inside a transport finds a connection by address and port only,
    and a TLS connection was checked for one name: so each name has a pool of its own."""

    def __init__(self, keep_alive: bool) -> None:
        self.keep_alive = keep_alive
        self.transports: dict[tuple[str, str, int], _Transport] = {}

    def transport(self, scheme: str, host: str, port: int, deadline: float) -> "_Transport":
        key = (scheme, host, port)
        if key not in self.transports:
            self.transports[key] = _Transport(self.keep_alive)
        transport = self.transports[key]
        transport.backend.deadline = deadline  # this fetch's, on a kept connection too
        return transport

    def close(self) -> None:
        for transport in self.transports.values():
            transport.close()
        self.transports.clear()


class _Transport(httpx.HTTPTransport):
    """The transport alone, not httpx.Client: no redirects, cookies or proxies of its own."""

    def __init__(self, keep_alive: bool) -> None:
        super().__init__(verify=_tls(), trust_env=False)
        self.backend = _Deadline()
        # httpx's transport takes no network backend, but the httpcore pool it wraps does.
        self._pool = httpcore.ConnectionPool(
            ssl_context=_tls(),
            network_backend=self.backend,
            max_keepalive_connections=KEEP_ALIVE_CONNECTIONS if keep_alive else 0,
            keepalive_expiry=KEEP_ALIVE_SECONDS,
        )


class _Deadline(httpcore.SyncBackend):
    """httpx has no total deadline, only a limit on each socket wait. This network backend cuts
    every connect, read and write to the time left, so a server that trickles fails on time.
    `deadline` is the current fetch's (time.monotonic()); its connections read it at each wait."""

    def __init__(self) -> None:
        self.deadline = 0.0

    def left(self, timeout: float | None) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch ran out of time")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        ipaddress.ip_address(host)  # fetch() connects to addresses it checked, never to names
        timeout = self.left(timeout)
        return _DeadlineStream(
            super().connect_tcp(host, port, timeout, local_address, socket_options), self
        )


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self.stream, self.deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, self.deadline.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self.deadline.left(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = self.deadline.left(timeout)
        tls = self.stream.start_tls(ssl_context, server_hostname, timeout)
        return _DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)
