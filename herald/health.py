"""What a load balancer and a monitoring system ask of each process, answered before anything
else runs (no session, no host check, no HTTPS redirect, no page cache), so a balancer probing by
IP address gets its answer:

- /healthz: the process is alive and serving (200, nothing checked);
- /readyz: the database, the cache and the queue answer (200), or which one does not (503);
- /metrics: Prometheus's text format, behind a bearer token (METRICS_TOKEN; off when unset).

The figures are read from the database at scrape time, so every web process gives the same
answer and nothing is kept in one process's memory."""

import hmac
import sys
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone
from django.views import defaults
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily

from herald.checks import PROBES

# What a web process needs to serve: `herald check`'s probes but storage and mail.
READINESS = {name: PROBES[name] for name in ("database", "cache", "page cache", "queue")}
NOT_STORED = {"Cache-Control": "no-store"}


def healthz(request) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain", headers=NOT_STORED)


def readyz(request) -> HttpResponse:
    answers, ready = {}, True
    for name, probe in READINESS.items():
        try:
            probe()
            answers[name] = "ok"
        except Exception as error:  # any failure is the answer: this one is not reachable
            answers[name] = f"unreachable: {type(error).__name__}"
            ready = False
    return JsonResponse(answers, status=200 if ready else 503, headers=NOT_STORED)


# The database is down, restarting, or out of connections: the request did nothing wrong and the
# next one may well succeed. Django has already logged (and reported) the error.
UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request) -> HttpResponse:
    """Django's 500 page, or, when the database is unreachable, a 503 asking to come back."""
    if isinstance(sys.exception(), UNAVAILABLE):
        return HttpResponse(
            loader.get_template("503.html").render(),
            status=503,
            headers={"Retry-After": "30", **NOT_STORED},
        )
    return defaults.server_error(request)


class Figures:
    """A Prometheus collector reading Herald's figures from the database."""

    def collect(self):
        from huey.contrib.djhuey import HUEY

        from articles.models import Article
        from discussion.models import Comment
        from newsletter.models import Delivery
        from sources.models import FetchLog

        hour_ago = timezone.now() - timedelta(hours=1)
        polls = GaugeMetricFamily(
            "herald_polls_last_hour", "Feeds polled in the last hour", labels=["outcome"]
        )
        recent = FetchLog.objects.filter(at__gte=hour_ago)
        polls.add_metric(["ok"], recent.filter(error="").count())
        polls.add_metric(["error"], recent.exclude(error="").count())
        yield polls
        yield GaugeMetricFamily(
            "herald_articles_ingested_last_hour",
            "Articles stored in the last hour",
            value=Article.objects.filter(fetched_at__gte=hour_ago).count(),
        )
        yield GaugeMetricFamily(
            "herald_queue_depth", "Tasks waiting in the queue", value=HUEY.pending_count()
        )
        mails = GaugeMetricFamily(
            "herald_mails_last_hour",
            "Mails due in the last hour, by outcome so far",
            labels=["status"],
        )
        due = Delivery.objects.filter(due_at__gte=hour_ago)
        for status in (Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.BOUNCED):
            mails.add_metric([status], due.filter(status=status).count())
        yield mails
        yield GaugeMetricFamily(
            "herald_mail_backlog",
            "Mails recorded and not sent yet (queued or being sent)",
            value=Delivery.objects.filter(
                status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
            ).count(),
        )
        yield GaugeMetricFamily(
            "herald_comments_held",
            "Comments awaiting moderation",
            value=Comment.objects.filter(status=Comment.Status.PENDING).count(),
        )


registry = CollectorRegistry(auto_describe=False)
registry.register(Figures())


def metrics(request) -> HttpResponse:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token:
        return HttpResponse("metrics are off (set METRICS_TOKEN)\n", status=404)
    if not hmac.compare_digest(given.encode(), token.encode()):
        return HttpResponse(
            "a bearer token is required\n",
            status=401,
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


ANSWERS = {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        answer = ANSWERS.get(request.path_info.rstrip("/"))
        if answer is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        return answer(request)
