"""Background entry points of the sources app. Tasks carry ids only; the database holds the rest."""

from django.tasks import task

from articles.tasks import organize
from herald.nudge import nudge
from sources.models import Source
from sources.poll import poll_source


@task
def poll(source_id: int) -> str:
    result = poll_source(source_id)
    for article_id in result.created:
        nudge(organize, article_id)
    if result.deferred:
        # Its host was busy: come back when the source is due again rather than at the next
        # tick, so a newsroom with many feeds on one host is not slowed to one tick a minute.
        due = Source.objects.filter(pk=source_id).values_list("next_poll_at", flat=True).first()
        nudge(poll.using(run_after=due), source_id)
    return str(result)
