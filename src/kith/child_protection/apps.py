from django.apps import AppConfig


class ChildProtectionConfig(AppConfig):
    name = "kith.child_protection"
    label = "child_protection"
    verbose_name = "Child protection"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.child_protection import events, queries, status
        from kith.people.panels import register_panel

        status.register()
        register_panel("child_protection/_record_panel.html", queries.record_summary, order=40)
