"""Test doubles that are real: an HTTP server on loopback that serves what a test puts in it and
counts what it was asked, and a small RSS writer for the feeds it serves."""

import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def free_port() -> int:
    """A loopback port nothing listens on now: for a server a test starts, or one it leaves
    closed (connecting to it is refused at once, as to a stopped service)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, seconds: float, what: str):
    """condition()'s first true value, asked every tenth of a second; TimeoutError naming `what`
    after `seconds`. How tests wait on other processes, never by sleeping a fixed time."""
    deadline = time.monotonic() + seconds
    while not (value := condition()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {seconds}s waiting for {what}")
        time.sleep(0.1)
    return value


class FeedServer:
    """Serves each path what serve() put there; answers If-None-Match with 304 when the route
    has an ETag; keeps every request's headers in `requests` and counts them in `hits`."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                outer.hits[self.path] += 1
                outer.requests.append((self.path, dict(self.headers.items())))
                status, headers, body = outer.routes.get(self.path, (404, {}, b"not found"))
                etag = headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def serve(
        self,
        path: str,
        body: bytes | str,
        status: int = 200,
        content_type: str = "application/rss+xml",
        headers: dict[str, str] | None = None,
    ):
        if isinstance(body, str):
            body = body.encode()
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, body)
        return self.url + path

    def redirect(self, path: str, location: str, status: int = 302):
        self.routes[path] = (status, {"Location": location}, b"")
        return self.url + path

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


RSS_TAGS = {
    "guid": "guid",
    "title": "title",
    "link": "link",
    "description": "description",
    "author": "dc:creator",
    "pubDate": "pubDate",
}


def rss(
    items: list[dict], title: str = "Test Outlet", link: str = "https://outlet.example/"
) -> str:
    """A small RSS 2.0 document; each item a dict with any of the keys of RSS_TAGS, and content
    (the full body, as content:encoded)."""
    parts = []
    for item in items:
        fields = "".join(
            f"<{tag}>{item[key]}</{tag}>" for key, tag in RSS_TAGS.items() if key in item
        )
        if item.get("content"):
            fields += f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
        parts.append(f"<item>{fields}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{title}</title><link>{link}</link><language>en</language>"
        + "".join(parts)
        + "</channel></rss>"
    )


def race(work, arguments: list) -> list:
    """Run work(argument) for each argument in its own thread, all let go at the same moment, as
    workers racing for the same rows would; each thread closes its own database connection.
    Returns the results in the order the threads finished."""
    start_line = threading.Barrier(len(arguments))
    results = []

    def worker(argument):
        from django.db import connection

        start_line.wait()
        try:
            results.append(work(argument))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
