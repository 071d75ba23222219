"""The latest approved comments of an article, as an Atom feed: names, never addresses."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article
from discussion.models import Comment

LATEST = 50


class ArticleComments(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, pk: int):
        return get_object_or_404(Article, pk=pk, is_hidden=False)

    def title(self, article):
        return f"Comments on {article.title}"

    def link(self, article):
        return f"{article.get_absolute_url()}#comments"

    def items(self, article):
        return (
            Comment.objects.filter(thread__article=article, status=Comment.Status.APPROVED)
            .select_related("thread__article")
            .defer("email", "ip_network")
            .order_by("-created_at", "-pk")[:LATEST]
        )

    def item_title(self, comment):
        return f"{comment.name} on {comment.thread.article.title}"

    def item_description(self, comment):
        return comment.body_html

    def item_link(self, comment):
        return comment.get_absolute_url()

    def item_author_name(self, comment):
        return comment.name

    def item_pubdate(self, comment):
        return comment.created_at
