from django.apps import AppConfig


class CareReviewsConfig(AppConfig):
    name = "kith.care_reviews"
    label = "care_reviews"
    verbose_name = "Reviews of children in care and the IRO"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.care_reviews import events, queries
        from kith.people.panels import register_panel

        register_panel("care_reviews/_record_panel.html", queries.record_summary, order=42)
