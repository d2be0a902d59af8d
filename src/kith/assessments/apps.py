from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "kith.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.assessments import events, links, queries
        from kith.people.panels import register_panel

        links.register()
        register_panel("assessments/_record_panel.html", queries.record_summary, order=20)
