"""Background entry points of the articles app: tasks carry ids only, the database the rest."""

from django.tasks import task

from articles.organize import organize_article


@task
def organize(article_id: int) -> bool:
    return organize_article(article_id)
