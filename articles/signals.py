"""What the articles app tells the rest when it changed articles in bulk (an UPDATE, which sends
no post_save): the portal's page cache listens."""

from django.dispatch import Signal

# Sent after articles changed through QuerySet.update(); no arguments.
articles_changed = Signal()
