"""The discussion tests' pages and readers: an article open for comments, the form as a browser
sends it, and a client with the reader's own network address."""

import time

from django.test import Client

from discussion.models import Moderation
from portal.csrf import started_stamp
from portal.tests import site


def open_article(policy: str = "publish", n: int = 1, **fields):
    """An article of an hour ago, under the site's moderation `policy`."""
    Moderation.objects.update_or_create(section=None, defaults={"policy": policy})
    source = site.outlet(f"Outlet {n}")
    return site.article(source, n, **({"published_at": site.NOW} | fields))


def form(**fields) -> dict:
    """What the comment form posts, opened ten seconds ago."""
    return {
        "name": "Ana Reader",
        "email": "ana.reader@example.org",
        "website": "",
        "body": "A thoughtful comment about the harbour.",
        "form_started": started_stamp(now=time.time() - 10),
    } | fields


def reader(n: int = 1) -> Client:
    """A reader's browser, from its own network address."""
    return Client(REMOTE_ADDR=f"203.0.{n}.7")


def post(client: Client, article, **fields):
    return client.post(f"/comments/article/{article.pk}/", form(**fields))
