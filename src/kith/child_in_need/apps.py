from django.apps import AppConfig


class ChildInNeedConfig(AppConfig):
    name = "kith.child_in_need"
    label = "child_in_need"
    verbose_name = "Child in need"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.child_in_need import events, queries, status
        from kith.people.panels import register_panel

        status.register()
        register_panel("child_in_need/_record_panel.html", queries.record_summary, order=30)
