from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "kith.legal"
    label = "legal"
    verbose_name = "Pre-proceedings and care proceedings"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.legal import access, events, queries
        from kith.people.panels import register_panel
        from kith.platform.ui.navigation import register_navigation_item

        register_panel("legal/_on_record.html", queries.on_record, order=60)
        register_navigation_item("legal:tracker", "Pre-proceedings", shown_to=access.can_view_tracker, order=60)
