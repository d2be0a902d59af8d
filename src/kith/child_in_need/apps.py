from django.apps import AppConfig


class ChildInNeedConfig(AppConfig):
    name = "kith.child_in_need"
    label = "child_in_need"
    verbose_name = "Child in need"

    def ready(self) -> None:
        from kith.child_in_need import events, status  # noqa: F401  (registers this area's chronology events)

        status.register()
