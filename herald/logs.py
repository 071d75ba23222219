"""What the processes say and to whom: a request id for each request (taken from the proxy's
X-Request-ID or made here) on the answer and on every log record written while it is made; log
lines plain or as JSON for a collector (LOG_FORMAT=json, with the request id), never with an
email address; errors to Sentry or any service that speaks its protocol (SENTRY_DSN), without a
reader's address."""

import logging
import re
import uuid
from contextvars import ContextVar

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

request_id: ContextVar[str] = ContextVar("request_id", default="")

# An id from the proxy is kept if it looks like one (nginx's $request_id, a UUID); anything else
# could forge or break log lines, and is replaced.
SANE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

# Anchored at the start of a run of address characters, so a long text without an @ is read once,
# not once from each of its characters.
ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")


def scrub(value):
    """The value with every email address in its strings replaced, however deep it sits."""
    if isinstance(value, str):
        return ADDRESS.sub("[address]", value)
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    return value


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if SANE_ID.fullmatch(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = rid
        return response


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request it was written in ('' outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


# Both formats blot out email addresses, in the message and the traceback alike: a reader's
# address is never logged, not even when an error quotes it (a database refusing a row names
# its values).


class PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class JsonLines(JsonFormatter):
    def process_log_record(self, log_data: dict) -> dict:
        return scrub(log_data)  # before it is serialised: an escape is never cut in two


def json_formatter() -> logging.Formatter:
    """One JSON object a line: time, level, logger, message, request_id, and exc_info with the
    traceback when there is one; extra fields a record carries too (but Django's request)."""
    return JsonLines(
        ["levelname", "name", "message", "request_id"],
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",
        reserved_attrs=[*RESERVED_ATTRS, "request"],
    )


# --- errors ---------------------------------------------------------------------------------------


class Report(ExceptionReporter):
    """The error mail's report, with any address in the exception's message blotted out."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.filter.is_active(self.request) and "exception_value" in data:
            data["exception_value"] = scrub(str(data["exception_value"]))
        return data


class ReportFilter(SafeExceptionReporterFilter):
    """What the error mails to ADMINS show: the traceback, but no form data and no local
    variables, where readers' addresses and comments would be."""

    def get_post_parameters(self, request):
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        return {key: self.cleansed_substitute for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        if not self.is_active(request):
            return super().get_traceback_frame_variables(request, tb_frame)
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


def before_send(event: dict, hint: dict) -> dict:
    if rid := request_id.get():
        event.setdefault("tags", {})["request_id"] = rid
    # A database error may quote the row it refused, an address among its values.
    return scrub(event)


def report_errors(dsn: str, environment: str, release: str | None, traces: float) -> None:
    """Errors of the site and the workers go to `dsn`. Readers' addresses stay here: no request
    bodies (forms hold them), no local variables of the failing code, no user, and any address
    left in a message is blotted out."""
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        release=release,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=before_send,
        # No performance tracing unless asked (SENTRY_TRACES_SAMPLE_RATE), and no trace headers
        # on Herald's own requests: the outlets polled are none of Sentry's business.
        traces_sample_rate=traces or None,
        trace_propagation_targets=[],
    )
