from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "kith.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.plans import events
