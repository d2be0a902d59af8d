from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "kith.front_door"
    label = "front_door"
    verbose_name = "Front door"

    def ready(self) -> None:
        from kith.front_door import events, status  # noqa: F401  (registers this area's chronology events)

        status.register()
