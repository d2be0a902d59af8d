from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "kith.workforce"
    label = "workforce"
    verbose_name = "Workforce"

    def ready(self) -> None:
        from kith.workforce import events
