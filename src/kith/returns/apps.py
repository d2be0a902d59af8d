from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "kith.returns"
    label = "returns"
    verbose_name = "Statutory returns"

    def ready(self) -> None:
        # Importing events registers this area's activity types (ADR 0008's pattern).
        from kith.platform.ui.navigation import register_navigation_item
        from kith.returns import access, events

        register_navigation_item("returns:index", "Returns", shown_to=access.can_produce_returns, order=95)
        register_navigation_item(
            "returns:data_quality", "Data quality", shown_to=access.can_view_data_quality, order=96
        )
