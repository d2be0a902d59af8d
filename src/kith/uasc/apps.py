from django.apps import AppConfig


class UascConfig(AppConfig):
    name = "kith.uasc"
    label = "uasc"
    verbose_name = "Unaccompanied asylum-seeking children"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.people.panels import register_panel
        from kith.uasc import events, queries

        register_panel("uasc/_record_panel.html", queries.record_summary, order=47)
