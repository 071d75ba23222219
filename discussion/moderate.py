"""A comment from its form to its place: checked in layers (closed thread, flood, duplicate,
blocklist, links, the spam filter, the moderation policy), then shown, or held for a moderator
with a reason its author alone sees. Nothing here deletes a comment: moderators decide."""

import hashlib
import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import markdown
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, Lower

from articles.models import Article, Post
from articles.posts import EscapeRawHtml, byline_of
from discussion import spam
from discussion.models import Blocked, Comment, Moderation, Policy, Thread
from herald.lib.sanitize import clean_comment

LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def render(body: str) -> str:
    """The comment's text to safe HTML: paragraphs, links, emphasis, quotes and code; HTML the
    reader typed is shown as text."""
    html = markdown.markdown(body, extensions=[EscapeRawHtml(), "sane_lists"])
    return clean_comment(html)


def thread_for(target: Article | Post) -> Thread:
    field = "article" if isinstance(target, Article) else "post"
    return Thread.objects.get_or_create(**{field: target})[0]


def rules_for(target: Article | Post) -> Moderation:
    """The rules of the target's section, else the site's."""
    section_id = target.section_id
    scopes = Moderation.objects.filter(Q(section_id=section_id) | Q(section=None))
    rules = {m.section_id: m for m in scopes}
    return rules.get(section_id) or rules.get(None) or Moderation()


def is_closed(thread: Thread | None, target: Article | Post, rules: Moderation, now) -> bool:
    """Closed by an editor, or by age; a post not published takes no comments."""
    if thread is not None and thread.closed:
        return True
    published = target.published_at
    if published is None:
        return True
    return bool(rules.close_after_days) and now - published > timedelta(days=rules.close_after_days)


class Refused(Exception):
    """The comment is not taken; `status` is the HTTP answer (403 closed, 409 duplicate, 429
    too soon) and the message says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Draft:
    name: str
    email: str
    website: str
    body: str
    parent: Comment | None = None
    notify_replies: bool = False


def body_digest(body: str) -> str:
    return hashlib.sha256(" ".join(body.split()).lower().encode()).hexdigest()


def by_address(email: str):
    """Comments of this address however it is cased, on the comment_author index (email__iexact
    compiles to UPPER() or LIKE, which no index serves: every comment would be read)."""
    return Comment.objects.alias(address=Lower("email")).filter(address=Lower(Value(email)))


def check_flood(draft: Draft, network: str, now: datetime) -> None:
    """One comment per COMMENTS_FLOOD_SECONDS from one address and from one network."""
    since = now - timedelta(seconds=settings.COMMENTS_FLOOD_SECONDS)
    # Two look-ups, each on its own index, where one OR of both is served by neither.
    recent = by_address(draft.email).filter(created_at__gte=since).exists() or (
        network and Comment.objects.filter(ip_network=network, created_at__gte=since).exists()
    )
    if recent:
        raise Refused(429, "You are commenting too fast. Wait a little and send it again.")


def check_duplicate(thread: Thread, draft: Draft) -> None:
    same = thread.comments.filter(email__iexact=draft.email).exclude(status=Comment.Status.TRASH)
    digest = body_digest(draft.body)
    if any(body_digest(body) == digest for body in same.values_list("body", flat=True)[:50]):
        raise Refused(409, "You have already said that here.")


def blocked_reason(draft: Draft, network: str) -> str:
    """Why the blocklist holds this comment, or ""."""
    domain = draft.email.rpartition("@")[2].lower()
    site = draft.website.lower().split("://", 1)[-1].split("/", 1)[0]
    words = set(re.findall(r"\w+", f"{draft.name} {draft.body}".lower()))
    for entry in Blocked.objects.all():
        value = entry.value.lower()
        phrase = " " in value and value in draft.body.lower()
        if entry.kind == Blocked.Kind.WORD and (value in words or phrase):
            return "a word on the blocklist"
        if entry.kind == Blocked.Kind.EMAIL and value == draft.email.lower():
            return "an address on the blocklist"
        if entry.kind == Blocked.Kind.DOMAIN and value in (domain, site):
            return "a domain on the blocklist"
        if entry.kind == Blocked.Kind.IP and network and in_network(network, value):
            return "a network on the blocklist"
    return ""


def in_network(network: str, blocked: str) -> bool:
    try:
        return ipaddress.ip_network(network, strict=False).overlaps(
            ipaddress.ip_network(blocked, strict=False)
        )
    except ValueError:
        return False


def has_approved_before(email: str) -> bool:
    return by_address(email).filter(status=Comment.Status.APPROVED).exists()


def post_comment(
    thread: Thread, draft: Draft, network: str, author_key: str, now: datetime
) -> Comment:
    """Take a comment, or raise Refused. The comment is stored approved or pending; when held,
    `reason` says why (the rule that held it)."""
    rules = rules_for(thread.target)
    if is_closed(thread, thread.target, rules, now):
        raise Refused(403, "Comments are closed on this page.")
    if draft.parent and (draft.parent.thread_id != thread.pk or draft.parent.status != "approved"):
        raise Refused(400, "The comment you reply to is not here.")
    check_flood(draft, network, now)
    check_duplicate(thread, draft)
    status, reason, score = decide(draft, network, rules)
    parent, depth = place_under(draft.parent)
    with transaction.atomic():
        comment = Comment.objects.create(
            thread=thread,
            parent=parent,
            depth=depth,
            name=draft.name,
            email=draft.email,
            website=draft.website,
            body=draft.body,
            body_html=render(draft.body),
            status=status,
            reason=reason,
            spam_score=score,
            created_at=now,
            approved_at=now if status == Comment.Status.APPROVED else None,
            ip_network=network,
            author_key=author_key,
            notify_replies=draft.notify_replies,
        )
        if status == Comment.Status.APPROVED:
            recount(thread)
            from discussion.notify import queue_reply_notices  # notify builds on this module

            queue_reply_notices([comment.pk], now)
    return comment


def place_under(parent: Comment | None) -> tuple[Comment | None, int]:
    """Where a reply to `parent` goes, and its depth: deeper than COMMENTS_MAX_DEPTH allows, a
    reply joins its parent's level (it answers the parent's parent)."""
    if parent is None:
        return None, 0
    depth = min(parent.depth + 1, settings.COMMENTS_MAX_DEPTH - 1)
    while parent is not None and parent.depth >= depth:
        parent = parent.parent
    return parent, depth


def site_name_of(user) -> str:
    """How an editor signs a reply: their byline, else their user name."""
    return byline_of(user) or user.get_username()


def reply_as_site(parent: Comment, user, body: str, now: datetime) -> Comment:
    """An editor's answer under a comment, shown at once under their byline."""
    under, depth = place_under(parent)
    with transaction.atomic():
        reply = Comment.objects.create(
            thread=parent.thread,
            parent=under,
            depth=depth,
            name=site_name_of(user),
            email=user.email,
            body=body,
            body_html=render(body),
            status=Comment.Status.APPROVED,
            created_at=now,
            approved_at=now,
            moderated_by=user,
        )
        recount(parent.thread)
        from discussion.notify import queue_reply_notices  # notify builds on this module

        queue_reply_notices([reply.pk], now)
    return reply


def decide(draft: Draft, network: str, rules: Moderation) -> tuple[str, str, float | None]:
    """(status, reason, spam score) by the layers, the first that holds wins."""
    score, likely_spam = spam.judge(draft.name, draft.website, draft.body)
    held = Comment.Status.PENDING
    if reason := blocked_reason(draft, network):
        return held, reason, score
    if len(LINK.findall(draft.body)) > rules.max_links:
        return held, f"more than {rules.max_links} links", score
    if likely_spam:
        return held, "it looks like spam to our filter", score
    if rules.policy == Policy.HOLD_ALL:
        return held, "every comment is read by a moderator first", score
    if rules.policy == Policy.HOLD_FIRST and not has_approved_before(draft.email):
        return held, "a first comment is read by a moderator first", score
    return Comment.Status.APPROVED, "", score


def recount(thread: Thread) -> None:
    """The thread's shown comments, counted again (a moderation changed them). The thread's row
    is locked first: two comments committed at once would otherwise each be counted without
    the other (PostgreSQL's READ COMMITTED), and the later save would lose one."""
    with transaction.atomic():
        # NO KEY UPDATE: a comment being inserted holds KEY SHARE on its thread; FOR UPDATE
        # would wait for it, and two comments on one thread would deadlock.
        Thread.objects.select_for_update(no_key=True).get(pk=thread.pk)
        thread.approved_count = thread.comments.filter(status=Comment.Status.APPROVED).count()
        # A save, not an update(): its signal renews the page cache of the pages showing it.
        thread.save(update_fields=["approved_count"])


def moderate(comments, status: str, reason: str, moderator, now: datetime) -> int:
    """A moderator's decision on some comments: approve, spam or trash, with the reason their
    authors will see. Returns how many changed."""
    comments = list(comments.select_related("thread"))
    changed = 0
    for comment in comments:
        fields = {"status": status, "moderated_by": moderator, "reason": reason}
        if status == Comment.Status.APPROVED:
            fields |= {"reason": "", "approved_at": comment.approved_at or now}
        changed += Comment.objects.filter(pk=comment.pk).update(**fields)
    for thread in {c.thread for c in comments}:
        recount(thread)
    if status == Comment.Status.APPROVED:
        from discussion.notify import queue_reply_notices  # notify builds on this module

        queue_reply_notices([c.pk for c in comments], now)
    return changed


def held_counts_by_section():
    """Comments awaiting moderation per section, for the desk."""
    return (
        Comment.objects.filter(status=Comment.Status.PENDING)
        .values(section=Coalesce("thread__article__section__name", "thread__post__section__name"))
        .annotate(held=Count("pk"))
        .order_by("-held")
    )


def forget_networks(now: datetime) -> int:
    """Network addresses are kept for COMMENTS_IP_DAYS (flood control, blocklists), then
    emptied."""
    older = now - timedelta(days=settings.COMMENTS_IP_DAYS)
    return Comment.objects.filter(created_at__lt=older).exclude(ip_network="").update(ip_network="")
