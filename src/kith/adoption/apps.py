from django.apps import AppConfig


class AdoptionConfig(AppConfig):
    name = "kith.adoption"
    label = "adoption"
    verbose_name = "Adoption of children in care"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.adoption import events, queries, work_links
        from kith.people.panels import register_panel

        work_links.register()
        register_panel("adoption/_record_panel.html", queries.record_summary, order=43)
