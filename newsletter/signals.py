"""Every section has mail defaults for editors to set: a new section gets them at once."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from articles.models import Section
from newsletter.models import SectionMail


@receiver(post_save, sender=Section)
def give_mail_defaults(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        SectionMail.objects.get_or_create(section=instance)
