"""Background entry points of the sources app. Tasks carry ids only; the database holds the rest."""

from django.tasks import task

from sources.poll import poll_source


@task
def poll(source_id: int) -> str:
    return str(poll_source(source_id))
