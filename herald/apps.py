from django.apps import AppConfig


class HeraldConfig(AppConfig):
    name = "herald"
    verbose_name = "Herald"

    def ready(self) -> None:
        from herald import checks  # noqa: F401  (registers the configuration checks)
