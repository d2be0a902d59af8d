from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "kith.health"
    label = "health"
    verbose_name = "Health of children in care"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.health import events, queries, work_links
        from kith.people.panels import register_panel

        work_links.register()
        register_panel("health/_record_panel.html", queries.record_summary, order=44)
