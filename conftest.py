"""Fixtures shared by every app's tests."""

import pytest

from herald.testing import FeedServer


@pytest.fixture
def feed_server(settings):
    server = FeedServer()
    settings.FETCH_ALLOW = [f"127.0.0.1:{server.port}"]
    yield server
    server.stop()
