from django.apps import AppConfig


class MissingConfig(AppConfig):
    name = "kith.missing"
    label = "missing"
    verbose_name = "Missing episodes and exploitation"

    def ready(self) -> None:
        # Importing events and timescales registers this area's chronology event types and its clock
        # (the timescales registry imports the declarations too; a module registers once).
        from kith.missing import events, queries, timescales
        from kith.people.panels import register_panel

        register_panel("missing/_record_panel.html", queries.record_summary, order=45)
