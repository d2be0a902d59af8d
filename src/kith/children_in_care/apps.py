from django.apps import AppConfig


class ChildrenInCareConfig(AppConfig):
    name = "kith.children_in_care"
    label = "children_in_care"
    verbose_name = "Children in care"

    def ready(self) -> None:
        # Importing events registers this area's chronology event types.
        from kith.children_in_care import events, queries
        from kith.people.panels import register_panel

        register_panel("children_in_care/_record_panel.html", queries.record_summary, order=40)
