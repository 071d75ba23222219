"""Breaking news: an editor sends one story to a section's readers at once, outside their digests
(which stay as they were: the alert does not count against them)."""

from datetime import datetime

from django.db import transaction
from django.db.models import Q

from articles.models import Section, Story
from herald.lib.email import one_line
from newsletter.digest import subscribers_of
from newsletter.models import Delivery, Mailing, Pace
from newsletter.send import mailing_for


def recipients(section: Section, now: datetime):
    """The section's active readers, but those who paused their mail and those who asked for
    the stories they follow only."""
    return (
        subscribers_of(section.pk)
        .exclude(pace=Pace.NONE)
        .filter(Q(paused_until__isnull=True) | Q(paused_until__lte=now))
    )


def send_alert(
    section: Section, story: Story, subject: str, message: str, editor, now: datetime
) -> Mailing:
    """Record the alert and one delivery for each reader, due now; the sender sends them. The
    same alert recorded twice in one second (a form sent twice) is recorded once."""
    key = f"{now:%Y%m%d%H%M%S}-{section.pk}-{story.pk}"
    with transaction.atomic():
        mailing = mailing_for(
            Mailing.Kind.ALERT,
            key,
            section=section,
            story=story,
            # Editors' text: the subject goes into a header, so one line of it.
            subject=one_line(subject),
            message=message.strip(),
            created_by=editor if editor is not None and editor.is_authenticated else None,
        )
        readers = recipients(section, now).values_list("pk", flat=True)
        Delivery.objects.bulk_create(
            [
                Delivery(
                    mailing=mailing,
                    subscriber_id=pk,
                    kind=Mailing.Kind.ALERT,
                    stories=[story.pk],
                    due_at=now,
                )
                for pk in readers.iterator()
            ],
            batch_size=1000,
            ignore_conflicts=True,  # one alert per reader (the one_digest_per_round constraint)
        )
    return mailing


def reach(section: Section, now: datetime) -> int:
    """How many readers an alert to the section would reach now."""
    return recipients(section, now).count()
