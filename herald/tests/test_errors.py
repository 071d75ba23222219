"""Errors reach the people who fix them: a report to Sentry's protocol (here a real HTTP server
that takes the SDK's envelopes) with the request id and without the reader's address, and the
standard mail to ADMINS."""

import gzip
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from herald import config

ADDRESS = "ana.reader@example.org"


@csrf_exempt
def subscribe(request):
    email = request.POST["email"]  # a local variable the report must not carry either
    raise ValueError(f"no subscription for {email}")


def fine(request):
    return HttpResponse("fine")


urlpatterns = [path("subscribe/", subscribe), path("fine/", fine)]


class Envelopes(ThreadingHTTPServer):
    """Sentry's ingest, as far as the SDK sees it: POST /api/<project>/envelope/."""

    def __init__(self):
        self.received: list[tuple[str, bytes]] = []
        super().__init__(("127.0.0.1", 0), Ingest)

    def events(self) -> list[dict]:
        found = []
        for _, body in self.received:
            lines = body.split(b"\n")
            # Envelope header, then item header and payload pairs.
            for header, payload in zip(lines[1::2], lines[2::2], strict=False):
                if json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found


class Ingest(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.server.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def ingest():
    server = Envelopes()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# The SDK patches libraries process-wide when it starts, so it starts in a process of its own:
# Herald's settings with SENTRY_DSN, the site under a WSGI server, and one failing request.
FAILING_REQUEST = """
import threading, django, httpx, sentry_sdk
from wsgiref.simple_server import WSGIRequestHandler, make_server
django.setup()
from django.conf import settings
from django.core.wsgi import get_wsgi_application
settings.ROOT_URLCONF = "herald.tests.test_errors"
class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass
server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_port}/subscribe/"
response = httpx.post(url, data={"email": "%s"}, timeout=30)
sentry_sdk.flush(timeout=10)
print(response.status_code, response.headers["X-Request-ID"])
"""


def test_an_error_is_reported_with_its_request_id_and_without_the_address(ingest, tmp_path):
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "herald.test_settings",
        "HERALD_DATA_DIR": str(tmp_path),
        "SENTRY_DSN": f"http://publickey@127.0.0.1:{ingest.server_port}/42",
        "SENTRY_ENVIRONMENT": "staging",
        "SENTRY_RELEASE": "herald@test",
    }
    done = subprocess.run(
        [sys.executable, "-c", FAILING_REQUEST % ADDRESS],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    status, request_id = done.stdout.split()
    assert status == "500"

    deadline = time.monotonic() + 10
    while not ingest.events() and time.monotonic() < deadline:
        time.sleep(0.05)
    (event,) = ingest.events()
    assert {p for p, _ in ingest.received} == {"/api/42/envelope/"}
    (error,) = event["exception"]["values"]
    assert error["type"] == "ValueError" and error["value"] == "no subscription for [address]"
    assert event["tags"]["request_id"] == request_id
    assert event["environment"] == "staging" and event["release"] == "herald@test"
    assert event["request"]["url"].endswith("/subscribe/") and event["request"]["method"] == "POST"
    # The request went out through httpx, as Herald's fetches do: outlets get no Sentry headers.
    assert not {"sentry-trace", "baggage"} & {name.lower() for name in event["request"]["headers"]}
    # Not even blotted out: no form data, no local variables are sent at all.
    assert not event["request"].get("data")
    assert not any("vars" in frame for frame in error["stacktrace"]["frames"])
    for _, body in ingest.received:
        assert ADDRESS.encode() not in body


def test_without_a_dsn_nothing_is_reported():
    assert config.sentry({}) is None
    assert config.sentry({"SENTRY_DSN": "https://k@o.ingest.example/1"}) == {
        "dsn": "https://k@o.ingest.example/1",
        "environment": "production",
        "release": None,
        "traces": 0.0,
    }
    with pytest.raises(ImproperlyConfigured):
        config.sentry(
            {"SENTRY_DSN": "https://k@o.ingest.example/1", "SENTRY_TRACES_SAMPLE_RATE": "x"}
        )


@pytest.mark.urls("herald.tests.test_errors")
def test_an_error_is_mailed_to_the_admins(settings):
    settings.ADMINS = config.admins(
        {"ADMINS": 'Ed Itor <ed@example.org>, "Ops, night" <ops@ex.org>'}
    )
    assert Client(raise_request_exception=False).get("/fine/").status_code == 200
    assert mail.outbox == []
    response = Client(raise_request_exception=False).post("/subscribe/", {"email": ADDRESS})
    assert response.status_code == 500
    (report,) = mail.outbox
    assert report.to == ["Ed Itor <ed@example.org>", '"Ops, night" <ops@ex.org>']
    assert "ValueError" in report.body
    # The traceback, but neither the form's data nor the failing code's variables.
    html = report.alternatives[0].content if report.alternatives else ""
    assert "ana.reader" not in report.body + str(html)


def test_admins_must_be_addresses():
    assert config.admins({}) == [] and config.admins({"ADMINS": " "}) == []
    with pytest.raises(ImproperlyConfigured):
        config.admins({"ADMINS": "Ed Itor"})
