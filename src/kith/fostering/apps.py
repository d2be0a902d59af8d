from django.apps import AppConfig


class FosteringConfig(AppConfig):
    name = "kith.fostering"
    label = "fostering"
    verbose_name = "Fostering households"

    def ready(self) -> None:
        # Importing events and timescales registers this area's chronology event types and its clocks
        # (the timescales registry imports the declarations too; a module registers once).
        from kith.fostering import events, queries, timescales
        from kith.people.panels import register_panel

        register_panel("fostering/_record_panel.html", queries.record_summary, order=40)
