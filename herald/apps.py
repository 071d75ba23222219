from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HeraldConfig(AppConfig):
    name = "herald"
    verbose_name = "Herald"

    def ready(self) -> None:
        from herald import checks  # noqa: F401  (registers the configuration checks)
        from herald.groups import create_groups

        # Sent once per app after each migrate; the apps' permissions are made on the same
        # signal, so the groups are brought up to date on each (the last sees them all).
        post_migrate.connect(create_groups, dispatch_uid="herald.groups")
