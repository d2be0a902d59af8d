from django.apps import AppConfig


class CareLeaversConfig(AppConfig):
    name = "kith.care_leavers"
    label = "care_leavers"
    verbose_name = "Care leavers"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.care_leavers import events, queries
        from kith.people.panels import register_panel

        register_panel("care_leavers/_record_panel.html", queries.record_summary, order=48)
