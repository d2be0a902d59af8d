from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "kith.visits"
    label = "visits"
    verbose_name = "Visits"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.people.panels import register_panel
        from kith.visits import events, queries, work_links

        work_links.register()
        register_panel("visits/_record_panel.html", queries.record_summary, order=50)
