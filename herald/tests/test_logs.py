"""Logs: every answer carries a request id (the proxy's, when it is sane), every line written
while a request is made carries it too, lines come as JSON when asked, and no line holds an
email address."""

import io
import json
import logging
import logging.config
import os
import re
import subprocess
import sys
from datetime import datetime
from uuid import uuid4

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from herald import config

log = logging.getLogger("herald.tests.view")
HEX_ID = re.compile(r"[0-9a-f]{32}")


def page(request):
    log.info("page made for %s", "ana.reader@example.org")
    try:
        {}["ana.reader@example.org"]  # an error that quotes the address
    except KeyError:
        log.exception("no row for ana.reader@example.org")
    return HttpResponse("page")


urlpatterns = [path("page/", page)]

pytestmark = pytest.mark.urls("herald.tests.test_logs")


def test_every_answer_carries_a_request_id_of_its_own():
    first, second = Client().get("/page/"), Client().get("/page/")
    assert HEX_ID.fullmatch(first["X-Request-ID"]) and HEX_ID.fullmatch(second["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.parametrize("given", ["3f2a9c1e-7b4d-4e8a-9f00-1234567890ab", "0a1b2c3d4e5f6a7b"])
def test_the_proxys_request_id_is_kept(given):
    assert Client().get("/page/", headers={"X-Request-ID": given})["X-Request-ID"] == given


@pytest.mark.parametrize(
    "hostile",
    ["", "short", "x" * 65, "ok-id-123\nERROR forged line", "id with spaces", "<script>x</script>"],
)
def test_a_request_id_that_is_no_token_is_replaced(hostile):
    answered = Client().get("/page/", headers={"X-Request-ID": hostile})["X-Request-ID"]
    assert HEX_ID.fullmatch(answered)


@pytest.fixture
def json_lines():
    """The view's log lines through the JSON formatter and the console's filters, as the
    settings configure them."""
    configurator = logging.config.DictConfigurator(settings.LOGGING)
    handler = logging.StreamHandler(io.StringIO())
    handler.setFormatter(configurator.configure_formatter(settings.LOGGING["formatters"]["json"]))
    for name in settings.LOGGING["handlers"]["console"]["filters"]:
        handler.addFilter(configurator.configure_filter(settings.LOGGING["filters"][name]))
    log.addHandler(handler)
    yield lambda: [json.loads(line) for line in handler.stream.getvalue().splitlines()]
    log.removeHandler(handler)


def test_a_line_written_in_a_view_carries_the_request_id_as_json(json_lines):
    response = Client().get("/page/")
    log.warning("between requests")

    made, failed, between = json_lines()
    assert made["request_id"] == failed["request_id"] == response["X-Request-ID"]
    assert between["request_id"] == ""
    assert made["level"] == "INFO" and made["logger"] == "herald.tests.view"
    assert datetime.fromisoformat(made["time"]).tzinfo is not None
    assert "KeyError: '[address]'" in failed["exc_info"] and "exc_info" not in made
    # No address, in the message or the traceback.
    assert made["message"] == "page made for [address]"
    assert "@" not in json.dumps([made, failed])


def test_a_page_from_the_page_cache_carries_a_request_id_of_its_own(
    settings, transactional_db, django_assert_num_queries
):
    settings.CACHES = settings.CACHES | {
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                  "LOCATION": f"pages-{uuid4()}"},
    }  # fmt: skip
    settings.ROOT_URLCONF = "herald.urls"
    settings.PAGE_CACHE_SECONDS = 60
    first = Client().get("/")
    with django_assert_num_queries(0):
        again = Client().get("/")
    assert again.content == first.content
    assert HEX_ID.fullmatch(again["X-Request-ID"])
    assert again["X-Request-ID"] != first["X-Request-ID"]


LOG_A_LINE = """
import logging, django
django.setup()
logging.getLogger("herald.check").warning("hello %s", "ana.reader@example.org")
"""


@pytest.mark.parametrize("log_format", ["", "json"])
def test_log_format_chooses_plain_or_json_lines(log_format, tmp_path):
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "herald.test_settings",
        "HERALD_DATA_DIR": str(tmp_path),
        "LOG_FORMAT": log_format,
    }
    done = subprocess.run(
        [sys.executable, "-c", LOG_A_LINE], env=env, capture_output=True, text=True, timeout=60
    )
    line = done.stderr.splitlines()[-1]
    if log_format == "json":
        written = json.loads(line)
        assert {k: written[k] for k in ("level", "logger", "message", "request_id")} == {
            "level": "WARNING",
            "logger": "herald.check",
            "message": "hello [address]",
            "request_id": "",
        }
    else:
        assert line.endswith(" WARNING herald.check: hello [address]")


def test_log_format_is_plain_or_json():
    assert config.log_format({}) == "plain" and config.log_format({"LOG_FORMAT": "JSON"}) == "json"
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        config.log_format({"LOG_FORMAT": "xml"})
