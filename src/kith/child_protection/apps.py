from django.apps import AppConfig


class ChildProtectionConfig(AppConfig):
    name = "kith.child_protection"
    label = "child_protection"
    verbose_name = "Child protection"

    def ready(self) -> None:
        from kith.child_protection import events, status  # noqa: F401  (registers this area's chronology events)

        status.register()
