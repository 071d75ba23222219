"""The one HTTP client, against real servers on loopback: what it refuses (in every spelling, on
every hop), where it connects, and how it caps time, size and redirects."""

import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from herald.lib import http
from herald.lib.http import FetchError, FetchRefused, fetch

MB = 1024 * 1024
Route = Callable[[BaseHTTPRequestHandler], None]


class Wire:
    """A loopback HTTP(S) server whose routes are functions of the request handler, for what a
    feed server never does on purpose: hang, trickle, send 50 MB or a gzip bomb. It keeps every
    request's path and headers (names lower-cased), and the TLS server names it was asked for."""

    def __init__(self, tls: ssl.SSLContext | None = None):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.server_names: list[str | None] = []
        self.release = threading.Event()  # set at teardown: hanging handlers return
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                # The client may hang up mid-body, as it should on a body over the cap.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    outer.routes.get(self.path, answer(404))(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if tls:
            tls.sni_callback = lambda sock, name, context: self.server_names.append(name)
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def route(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def stop(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def answer(status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None) -> Route:
    def route(handler):
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str, status: int = 302) -> Route:
    return answer(status, headers={"Location": location})


def zeros(size: int, with_length: bool) -> Route:
    """size bytes of zeros, 64 KB at a time; without a length, the body ends when the server
    closes the connection (HTTP/1.0)."""

    def route(handler):
        handler.send_response(200)
        if with_length:
            handler.send_header("Content-Length", str(size))
        handler.end_headers()
        chunk = bytes(64 * 1024)
        for _ in range(size // len(chunk)):
            handler.wfile.write(chunk)

    return route


@pytest.fixture
def wire(settings):
    server = Wire()
    settings.FETCH_ALLOW = [f"127.0.0.1:{server.port}"]
    yield server
    server.stop()


@pytest.fixture
def connections(monkeypatch):
    """Every TCP connection the client opens, as (address, port), seen at the socket module."""
    made = []
    create_connection = socket.create_connection

    def spy(address, *args, **kwargs):
        made.append(address)
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", spy)
    return made


@pytest.fixture
def lookups(monkeypatch):
    """Every name lookup, as (host, port); made-up names under .test resolve to 127.0.0.1."""
    asked = []

    def resolve(host, port):
        asked.append((host, port))
        return ["127.0.0.1"] if host.endswith(".test") else real_resolve(host, port)

    real_resolve = http.resolve
    monkeypatch.setattr(http, "resolve", resolve)
    return asked


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed to about 200 KB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    return b"".join([*(packer.compress(block) for _ in range(200)), packer.flush()])


# What it refuses


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/feed", "gopher://example.com/", "data:,hello"],
)
def test_it_fetches_only_http_and_https(url, connections):
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch(url)
    assert connections == []


SPELLINGS_OF_LOOPBACK = [
    "127.0.0.1:{port}",
    "0177.0.0.1:{port}",
    "0x7f.0.0.1:{port}",
    "2130706433:{port}",
    "127.1:{port}",
    "localhost:{port}",
    "[::ffff:127.0.0.1]:{port}",
]
PRIVATE_PLACES = [
    "http://127.0.0.1:1/",
    "http://10.0.0.1/feed.xml",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[fd00:ec2::254]/",
    "http://0.0.0.0/",
]


@pytest.mark.parametrize("spelling", SPELLINGS_OF_LOOPBACK)
def test_it_refuses_loopback_in_every_spelling(wire, connections, settings, spelling):
    # The wire listens right there: only the address check stands between the URL and a hit.
    settings.FETCH_ALLOW = []
    with pytest.raises(FetchRefused, match="non-public address"):
        fetch(f"http://{spelling.format(port=wire.port)}/feed.xml")
    assert connections == []
    assert wire.requests == []


@pytest.mark.parametrize("url", PRIVATE_PLACES)
def test_it_refuses_private_and_metadata_addresses(url, connections):
    with pytest.raises(FetchRefused, match="non-public address"):
        fetch(url)
    assert connections == []


@pytest.mark.parametrize(
    "target",
    PRIVATE_PLACES + [f"http://{spelling}/feed.xml" for spelling in SPELLINGS_OF_LOOPBACK[1:]],
)
def test_it_refuses_a_redirect_to_a_private_address(wire, connections, target):
    target = target.format(port=wire.port)  # the spellings point back at the allowed wire
    url = wire.route("/moved", redirect(target))
    with pytest.raises(FetchRefused, match="non-public address"):
        fetch(url)
    assert connections == [("127.0.0.1", wire.port)]
    assert wire.paths() == ["/moved"]


def test_it_refuses_a_name_when_any_of_its_addresses_is_private(monkeypatch, connections):
    monkeypatch.setattr(http, "resolve", lambda host, port: ["93.184.216.34", "10.1.2.3"])
    with pytest.raises(FetchRefused, match=r"feeds.example.test resolves .* \(10.1.2.3\)"):
        fetch("https://feeds.example.test/feed.xml")
    assert connections == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.0.1", "100.64.0.1", "169.254.169.254",
        "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.0.192", "168.63.129.16",
        "::", "::1", "fe80::1", "fc00::1", "fd00:ec2::254", "ff0e::1", "::ffff:127.0.0.1",
        "::ffff:10.0.0.1", "::127.0.0.1", "::ffff:0:7f00:1", "64:ff9b::a00:1", "64:ff9b:1::1",
        "2002:7f00:1::", "2002:a9fe:a9fe::", "2001::1", "2001:db8::1",
    ],
)  # fmt: skip
def test_these_addresses_are_not_public(address):
    assert not http.is_public(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]
)
def test_these_addresses_are_public(address):
    assert http.is_public(address)


# Where it connects


def test_an_allowed_host_and_port_is_fetched(wire):
    url = wire.route("/feed.xml", answer(body=b"<rss/>", headers={"Content-Type": "text/xml"}))
    response = fetch(url)
    assert (response.status, response.body, response.url) == (200, b"<rss/>", url)
    assert response.headers["content-type"] == "text/xml"
    assert response.redirects == []


def test_it_connects_to_the_address_it_resolved_and_names_the_host(
    wire, settings, connections, lookups
):
    settings.FETCH_ALLOW = [f"feeds.example.test:{wire.port}"]
    wire.route("/old", redirect("/feed.xml"))
    wire.route("/feed.xml", answer(body=b"<rss/>"))
    response = fetch(f"http://feeds.example.test:{wire.port}/old")
    assert response.body == b"<rss/>"
    assert response.url == f"http://feeds.example.test:{wire.port}/feed.xml"
    assert lookups == [("feeds.example.test", wire.port)] * 2  # once per hop
    assert connections == [("127.0.0.1", wire.port)] * 2
    assert [headers["host"] for _, headers in wire.requests] == [
        f"feeds.example.test:{wire.port}"
    ] * 2


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for feeds.example.test, and a client context that trusts it."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=feeds.example.test", "-keyout", key, "-out", cert,
         "-addext", "subjectAltName=DNS:feeds.example.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    return server, ssl.create_default_context(cafile=cert)


@pytest.fixture
def tls_wire(certificate, settings, monkeypatch, lookups):
    server_context, client_context = certificate
    monkeypatch.setattr(http, "_tls", lambda: client_context)
    server = Wire(tls=server_context)
    settings.FETCH_ALLOW = [f"feeds.example.test:{server.port}", f"other.test:{server.port}"]
    yield server
    server.stop()


def test_https_checks_the_certificate_against_the_name_not_the_address(tls_wire, connections):
    tls_wire.route("/feed.xml", answer(body=b"<rss/>"))
    response = fetch(f"https://feeds.example.test:{tls_wire.port}/feed.xml")
    assert response.body == b"<rss/>"
    assert connections == [("127.0.0.1", tls_wire.port)]
    assert tls_wire.server_names == ["feeds.example.test"]
    assert tls_wire.requests[0][1]["host"] == f"feeds.example.test:{tls_wire.port}"


def test_https_refuses_a_certificate_for_another_name(tls_wire):
    tls_wire.route("/feed.xml", answer(body=b"<rss/>"))
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):
        fetch(f"https://other.test:{tls_wire.port}/feed.xml")
    assert tls_wire.server_names == ["other.test"]
    assert tls_wire.requests == []


# Kept connections (a poll's requests, within http.keep_alive())


def answering_as_servers_do_today(wire: Wire) -> Wire:
    """HTTP/1.1 with connections kept open, and no Nagle delay on the answer's last bytes."""
    handler = wire.httpd.RequestHandlerClass
    handler.protocol_version = "HTTP/1.1"
    handler.disable_nagle_algorithm = True
    return wire


def test_within_keep_alive_a_host_is_fetched_over_one_connection(wire, connections):
    answering_as_servers_do_today(wire)
    for path in ("/a", "/b", "/c"):
        wire.route(path, answer(body=path.encode()))
    with http.keep_alive():
        bodies = [fetch(f"{wire.url}{path}").body for path in ("/a", "/b", "/c")]
    assert bodies == [b"/a", b"/b", b"/c"]
    assert connections == [("127.0.0.1", wire.port)]


def test_without_keep_alive_each_request_has_a_connection_of_its_own(wire, connections):
    url = answering_as_servers_do_today(wire).route("/a", answer(body=b"a"))
    fetch(url)
    fetch(url)
    assert connections == [("127.0.0.1", wire.port)] * 2


def test_a_kept_connection_does_not_spare_a_request_its_address_check(wire, settings):
    url = answering_as_servers_do_today(wire).route("/a", answer(body=b"a"))
    with http.keep_alive():
        fetch(url)
        settings.FETCH_ALLOW = []
        with pytest.raises(FetchRefused, match="non-public address"):
            fetch(url)
    assert wire.paths() == ["/a"]


def test_a_kept_tls_connection_is_never_lent_to_another_name(tls_wire, connections):
    # Both names resolve to the wire; its certificate is for feeds.example.test only.
    answering_as_servers_do_today(tls_wire).route("/feed.xml", answer(body=b"<rss/>"))
    with http.keep_alive():
        assert fetch(f"https://feeds.example.test:{tls_wire.port}/feed.xml").body == b"<rss/>"
        with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):
            fetch(f"https://other.test:{tls_wire.port}/feed.xml")
        assert fetch(f"https://feeds.example.test:{tls_wire.port}/feed.xml").body == b"<rss/>"
    assert tls_wire.server_names == ["feeds.example.test", "other.test"]
    assert len(connections) == 2


def test_a_kept_connection_keeps_each_fetchs_own_deadline(wire, settings):
    answering_as_servers_do_today(wire)
    settings.FETCH_TIMEOUT = 2

    def hang(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"<rss>")
        wire.release.wait()

    wire.route("/a", answer(body=b"a"))
    with http.keep_alive():
        fetch(f"{wire.url}/a")
        time.sleep(1)  # half the first fetch's time: the next one has its own two seconds
        started = time.monotonic()
        with pytest.raises(FetchError, match="did not answer in time"):
            fetch(wire.route("/hang", hang))
    assert 1.5 < time.monotonic() - started < 3.5


# What it sends and returns


def test_it_names_itself_and_asks_only_for_encodings_it_decodes(wire, settings):
    url = wire.route("/feed.xml", answer(body=b"<rss/>"))
    fetch(url, headers={"accept-encoding": "br", "Accept": "application/rss+xml"})
    headers = wire.requests[0][1]
    assert headers["user-agent"] == settings.HERALD_USER_AGENT
    assert headers["accept-encoding"] == "gzip, deflate"
    assert headers["accept"] == "application/rss+xml"


def test_a_conditional_get_sends_its_validators_and_returns_304(wire):
    url = wire.route("/feed.xml", answer(304, headers={"ETag": '"v1"'}))
    response = fetch(url, etag='"v1"', last_modified="Wed, 21 Oct 2015 07:28:00 GMT")
    assert (response.status, response.body) == (304, b"")
    headers = wire.requests[0][1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Wed, 21 Oct 2015 07:28:00 GMT"


def test_a_304_may_announce_a_length_over_the_cap(wire):
    def not_modified(handler):
        handler.send_response(304)
        handler.send_header("Content-Length", str(50 * MB))
        handler.end_headers()

    response = fetch(wire.route("/feed.xml", not_modified), etag='"v1"')
    assert (response.status, response.body) == (304, b"")


def test_an_error_status_is_an_answer_not_an_exception(wire):
    response = fetch(wire.route("/gone", answer(410, b"gone")))
    assert (response.status, response.body) == (410, b"gone")


def test_it_follows_relative_redirects_and_records_each_hop(wire):
    first = wire.route("/a", redirect("/b", 301))
    wire.route("/b", redirect("c", 308))
    wire.route("/c", redirect(f"{wire.url}/d?x=1", 302))
    wire.route("/d?x=1", answer(body=b"here"))
    response = fetch(first)
    assert response.body == b"here"
    assert response.url == f"{wire.url}/d?x=1"
    assert response.redirects == [
        (301, f"{wire.url}/b"),
        (308, f"{wire.url}/c"),
        (302, f"{wire.url}/d?x=1"),
    ]


def test_it_follows_no_more_redirects_than_the_limit(wire, settings):
    settings.FETCH_MAX_REDIRECTS = 2
    for hop in range(3):
        wire.route(f"/{hop}", redirect(f"/{hop + 1}"))
    wire.route("/3", answer(body=b"end"))
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(f"{wire.url}/0")
    assert wire.paths() == ["/0", "/1", "/2"]
    assert fetch(f"{wire.url}/1").body == b"end"


# Size


def test_a_content_length_over_the_cap_is_refused_before_the_body_is_read(wire):
    def announce_50_mb_and_wait(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(50 * MB))
        handler.end_headers()
        handler.wfile.flush()
        wire.release.wait()  # reading the body would wait here until the deadline

    with pytest.raises(FetchError, match="larger than"):
        fetch(wire.route("/big", announce_50_mb_and_wait))


@pytest.mark.parametrize("with_length", [True, False])
def test_a_50_mb_body_is_refused(wire, with_length):
    with pytest.raises(FetchError, match=f"larger than {5 * MB} bytes"):
        fetch(wire.route("/big", zeros(50 * MB, with_length)))


def test_the_caller_can_lower_the_cap(wire):
    url = wire.route("/feed.xml", zeros(MB, with_length=False))
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(url, max_bytes=1000)


@pytest.mark.parametrize(
    "encoding, packed",
    [
        ("gzip", lambda data: zlib.compress(data, wbits=16 + zlib.MAX_WBITS)),
        ("deflate", zlib.compress),
    ],
)
def test_it_decompresses_gzip_and_deflate(wire, encoding, packed):
    body = b"<rss>" + b"news " * 1000 + b"</rss>"
    url = wire.route("/feed.xml", answer(body=packed(body), headers={"Content-Encoding": encoding}))
    assert fetch(url).body == body


def test_an_unknown_content_encoding_is_an_error(wire):
    url = wire.route("/feed.xml", answer(body=b"??", headers={"Content-Encoding": "br"}))
    with pytest.raises(FetchError, match=r"unknown content encoding \(br\)"):
        fetch(url)


def test_a_gzip_bomb_never_inflates_beyond_the_cap(wire, settings, gzip_bomb):
    settings.FETCH_MAX_BYTES = MB
    url = wire.route("/bomb", answer(body=gzip_bomb, headers={"Content-Encoding": "gzip"}))
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=f"larger than {MB} bytes"):
            fetch(url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 10 * MB  # the bomb is 200 MB inflated


# Time


def test_a_server_that_hangs_after_its_headers_fails_within_the_deadline(wire, settings):
    settings.FETCH_TIMEOUT = 2

    def hang(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"<rss>")
        handler.wfile.flush()
        wire.release.wait()

    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer in time"):
        fetch(wire.route("/hang", hang))
    assert time.monotonic() - started < 3.5


def test_a_server_that_says_nothing_fails_within_the_deadline(wire, settings):
    settings.FETCH_TIMEOUT = 2
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer in time"):
        fetch(wire.route("/silent", lambda handler: wire.release.wait()))
    assert time.monotonic() - started < 3.5


def test_a_server_that_trickles_fails_within_the_deadline(wire, settings):
    # A byte every 50 ms never trips the read timeout; only the total deadline stops it.
    settings.FETCH_TIMEOUT = 2

    def trickle(handler):
        handler.send_response(200)
        handler.end_headers()
        while not wire.release.wait(0.05):
            handler.wfile.write(b" ")
            handler.wfile.flush()

    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer in time"):
        fetch(wire.route("/trickle", trickle))
    assert time.monotonic() - started < 3.5


def test_a_closed_port_is_a_clear_error(settings):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    settings.FETCH_ALLOW = [f"127.0.0.1:{port}"]
    with pytest.raises(FetchError, match=r"cannot connect to 127\.0\.0\.1"):
        fetch(f"http://127.0.0.1:{port}/feed.xml")
