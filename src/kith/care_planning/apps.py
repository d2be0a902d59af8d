from django.apps import AppConfig


class CarePlanningConfig(AppConfig):
    name = "kith.care_planning"
    label = "care_planning"
    verbose_name = "Care plans and permanence planning"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.care_planning import events, queries
        from kith.people.panels import register_panel

        register_panel("care_planning/_record_panel.html", queries.record_summary, order=41)
