from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "kith.education"
    label = "education"
    verbose_name = "Education of children in care (virtual school)"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.education import events, queries, work_links
        from kith.people.panels import register_panel

        work_links.register()
        register_panel("education/_record_panel.html", queries.record_summary, order=46)
