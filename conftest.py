"""Fixtures shared by every app's tests."""

import pytest

from herald.testing import FeedServer
from herald.testing_smtp import SmtpSink, relay
from newswire.server import start as start_newswire


@pytest.fixture
def feed_server(settings):
    server = FeedServer()
    settings.FETCH_ALLOW = [f"127.0.0.1:{server.port}"]
    yield server
    server.stop()


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on loopback, and Django's default mailer sending to it."""
    with relay(SmtpSink, settings) as sink:
        yield sink


@pytest.fixture(scope="module")
def served_wire():
    """The demo newswire on a loopback port, for a module's end-to-end tests."""
    server = start_newswire(port=0)
    yield server
    server.stop()
