from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "kith.inspection"
    label = "inspection"
    verbose_name = "Inspection readiness"

    def ready(self) -> None:
        # Importing events registers this area's activity types; the frameworks are checked as they load.
        from kith.inspection import access, events, frameworks
        from kith.platform.ui.navigation import register_navigation_item

        frameworks.all_frameworks()
        register_navigation_item("inspection:index", "Inspection", shown_to=access.can_manage_inspections, order=90)
