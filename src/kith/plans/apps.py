from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "kith.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        from kith.plans import events  # noqa: F401  (registers this area's chronology events)
