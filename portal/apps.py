from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Public site"

    def ready(self) -> None:
        from portal import caching

        # In every process, the worker's too: its saves make the site's cached pages stale.
        caching.watch()
