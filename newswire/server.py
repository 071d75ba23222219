"""Serves the built wire over HTTP (stdlib ThreadingHTTPServer in a daemon thread), with
ETag/Last-Modified validators and 304 answers, so Herald can poll it like any real outlet."""

import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from newswire.build import Wire, build_wire
from newswire.images import render_png
from newswire.render import (
    FEED_CONTENT_TYPES,
    render_article,
    render_directory,
    render_feed,
    render_home,
)

_HTML = "text/html; charset=utf-8"
_ARTICLE_PATH = re.compile(r"^/[a-z0-9-]+/\d{4}/\d{2}/[a-z0-9-]+\.html$")


@dataclass(frozen=True)
class _Resource:
    body: bytes
    content_type: str
    last_modified: datetime
    etag: str = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "etag", '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"')


class _Site:
    """Maps paths to resources, rendering each on first request and keeping it."""

    def __init__(self, wire: Wire, base: str):
        self.wire = wire
        self.base = base
        self._cache: dict[str, _Resource] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> _Resource | None:
        with self._lock:
            if path not in self._cache:
                resource = self._render(path)
                if resource is None:
                    return None  # misses are not kept: a scanner must not grow the cache
                self._cache[path] = resource
            return self._cache[path]

    def _render(self, path: str) -> _Resource | None:
        wire, base = self.wire, self.base
        newest = wire.articles[0].published if wire.articles else wire.anchor
        if path == "/":
            return _Resource(render_directory(wire, base).encode(), _HTML, newest)
        for outlet in wire.outlets:
            articles = wire.articles_of(outlet.slug)
            latest = articles[0].published if articles else wire.anchor
            if path == outlet.home_path:
                return _Resource(render_home(wire, outlet, base).encode(), _HTML, latest)
            if path == outlet.feed_path:
                body = render_feed(wire, outlet, base)
                return _Resource(body, FEED_CONTENT_TYPES[outlet.feed_kind], latest)
        if _ARTICLE_PATH.match(path) and (article := wire.article_at(path)):
            html = render_article(wire, article, base)
            return _Resource(html.encode(), _HTML, article.published)
        if path.endswith(".png") and (article := wire.article_with_image(path)):
            png = render_png(article.image_seed, article.section)
            return _Resource(png, "image/png", article.published)
        return None


class _Handler(BaseHTTPRequestHandler):
    server_version = "HeraldNewswire/1.0"
    site: _Site  # set on a per-server subclass
    verbose = False

    def do_GET(self):
        self._answer(with_body=True)

    def do_HEAD(self):
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        resource = self.site.get(urlsplit(self.path).path)
        if resource is None:
            body = b"<!DOCTYPE html><title>Not found</title><h1>404 Not found</h1>\n"
            self.send_response(404)
            self.send_header("Content-Type", _HTML)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)
            return
        last_modified = format_datetime(resource.last_modified, usegmt=True)
        if self._not_modified(resource):
            self.send_response(304)
            self.send_header("ETag", resource.etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        self.send_header("ETag", resource.etag)
        self.send_header("Last-Modified", last_modified)
        self.send_header("Cache-Control", "max-age=60")
        self.end_headers()
        if with_body:
            self.wfile.write(resource.body)

    def _not_modified(self, resource: _Resource) -> bool:
        # RFC 9110: If-None-Match wins; If-Modified-Since is only looked at without it.
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or resource.etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since)
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=UTC)
            return resource.last_modified.replace(microsecond=0) <= since
        return False

    def log_message(self, format, *args):
        if self.verbose:
            super().log_message(format, *args)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    verbose = False

    def handle_error(self, request, client_address):
        # A poller hanging up mid-response is routine here, not worth a traceback.
        if self.verbose:
            super().handle_error(request, client_address)


class NewswireServer:
    """A running wire: `.url` (no trailing slash), `.port`, `.wire`; `.stop()` ends it."""

    def __init__(self, httpd: ThreadingHTTPServer, url: str, wire: Wire):
        self._httpd = httpd
        self.url = url
        self.port = httpd.server_address[1]
        self.wire = wire
        self._thread = threading.Thread(
            target=httpd.serve_forever, name="newswire", kwargs={"poll_interval": 0.2}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def default_anchor() -> datetime:
    """Now, floored to the hour, so restarts within the hour serve identical feeds."""
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def start(
    host: str = "127.0.0.1", port: int = 0, anchor: datetime | None = None, verbose: bool = False
) -> NewswireServer:
    """Build the wire and serve it in a daemon thread; port 0 picks a free port."""
    wire = build_wire(anchor or default_anchor())
    handler = type("NewswireHandler", (_Handler,), {"verbose": verbose})
    httpd = _QuietServer((host, port), handler)
    httpd.verbose = verbose
    bound_port = httpd.server_address[1]
    # Links must be reachable: a wildcard bind is advertised as loopback.
    public_host = "127.0.0.1" if host in ("", "0.0.0.0") else host
    url = f"http://{public_host}:{bound_port}"
    handler.site = _Site(wire, url)
    return NewswireServer(httpd, url, wire)
