from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "kith.platform.calendar"
    label = "calendar"
    verbose_name = "Working-day calendar"

    def ready(self) -> None:
        # Registers the check that the bank-holiday calendar still covers today.
        from kith.platform.calendar import checks
