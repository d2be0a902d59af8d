from django.apps import AppConfig


class LadoConfig(AppConfig):
    name = "kith.lado"
    label = "lado"
    verbose_name = "Allegations against people who work with children (LADO)"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.lado import access, events, queries
        from kith.people.panels import register_panel
        from kith.platform.ui.navigation import register_navigation_item

        register_panel(
            "lado/_on_record.html", queries.allegations_about, order=80, shown_to=access.can_view_allegations
        )
        register_navigation_item("lado:allegations", "LADO", shown_to=access.can_view_allegations, order=80)
