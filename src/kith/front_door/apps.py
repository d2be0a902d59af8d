from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "kith.front_door"
    label = "front_door"
    verbose_name = "Front door"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.front_door import access, events, queries, status, work_links
        from kith.people.panels import register_panel
        from kith.platform.ui.navigation import register_navigation_item

        status.register()
        work_links.register()
        register_panel("front_door/_record_panel.html", queries.record_summary, order=10)
        register_navigation_item("front_door:home", "Front door", shown_to=access.can_use_front_door, order=10)
