from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "kith.platform.access"
    label = "access"
    verbose_name = "Access"

    def ready(self) -> None:
        from kith.platform.access import checks
