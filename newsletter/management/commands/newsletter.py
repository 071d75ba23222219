"""`herald newsletter digests` records the digests due now; `herald newsletter send` sends what is
recorded and due (the scheduler's ticks do both by themselves; these are for operators, and for
the tests that kill a sender mid-mailing); `herald newsletter bounces MBOX` reads the bounce
reports (DSN) and complaints (ARF) delivered to a mailbox file."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter.bounces import read_mailbox
from newsletter.digest import due_subscriber_ids, queue_due_digests
from newsletter.send import Sender


class Command(BaseCommand):
    help = "Record the digests due now, or send the mail that is due."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("digests", help="record the digests due now")
        send = sub.add_parser("send", help="send the recorded mail that is due, until none is")
        send.add_argument("--most", type=int, default=None, help="stop after this many")
        mailbox = sub.add_parser("bounces", help="record the bounces and complaints in an mbox")
        mailbox.add_argument("mbox")
        mailbox.add_argument("--keep", action="store_true", help="leave the reports in it")

    def handle(self, *args, action, **options):
        if action == "bounces":
            counts = read_mailbox(options["mbox"], keep=options["keep"])
            self.stdout.write(", ".join(f"{n} {kind}" for kind, n in counts.items()) or "nothing")
        elif action == "digests":
            queued = 0
            now = timezone.now()
            # A call takes a batch of the due readers; a round of many takes several.
            while due_subscriber_ids(now, limit=1):
                queued += queue_due_digests(now)
            self.stdout.write(f"{queued} mails recorded")
        else:
            sent = Sender().send_due(most=options["most"])
            self.stdout.write(f"{sent} mails sent")
