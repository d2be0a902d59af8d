from django.apps import AppConfig


class YouthJusticeConfig(AppConfig):
    name = "kith.youth_justice"
    label = "youth_justice"
    verbose_name = "Youth justice"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.people.panels import register_panel
        from kith.youth_justice import events, queries

        register_panel("youth_justice/_record_panel.html", queries.record_summary, order=49)
