"""What a page shows of a discussion: the approved comments as a tree (replies oldest first
under each comment), and, for the reader who wrote them, their own comments still held or
refused, with the reason. Read in a fixed number of queries."""

import hashlib
from dataclasses import dataclass, field

from django.utils import timezone

from articles.models import Article, Post
from discussion.models import Comment, Thread
from discussion.moderate import is_closed, rules_for

# The reader's own browser key, set when they first comment: only they see their held comments.
AUTHOR_COOKIE = "herald_commenter"
# Name, email and website, saved in the reader's browser when they tick "Save my name…"; read by
# the browser's script to fill the form, never by the server into a page.
REMEMBER_COOKIE = "herald_comment_author"


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest() if key else ""


@dataclass
class Node:
    comment: Comment
    children: list["Node"] = field(default_factory=list)


@dataclass
class Discussion:
    target: Article | Post
    thread: Thread | None
    roots: list[Node]
    count: int
    closed: bool
    own: list[Comment]  # the reader's comments not shown to others, with their reasons


def discussion_of(target: Article | Post, author_key: str = "") -> Discussion:
    kind = kind_of(target)
    try:
        thread = target.thread  # loaded with the page's article or post, or one query here
    except Thread.DoesNotExist:
        thread = None
    closed = is_closed(thread, target, rules_for(target), timezone.now())
    if thread is None:
        return Discussion(target, None, [], 0, closed, [])
    setattr(thread, kind, target)
    shown = list(
        thread.comments.filter(status=Comment.Status.APPROVED).defer("email", "ip_network", "body")
    )
    nodes = {c.pk: Node(c) for c in shown}
    roots: list[Node] = []
    for comment in shown:
        parent = nodes.get(comment.parent_id)
        (parent.children if parent else roots).append(nodes[comment.pk])
    own: list[Comment] = []
    if author_key:
        own = list(
            thread.comments.filter(author_key=key_digest(author_key))
            .exclude(status=Comment.Status.APPROVED)
            .defer("email", "ip_network")
        )
    return Discussion(target, thread, roots, len(shown), closed, own)


def kind_of(target: Article | Post) -> str:
    return "article" if isinstance(target, Article) else "post"
