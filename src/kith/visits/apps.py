from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "kith.visits"
    label = "visits"
    verbose_name = "Visits"

    def ready(self) -> None:
        from kith.visits import events  # noqa: F401  (registers this area's chronology events)
