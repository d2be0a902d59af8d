from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "kith.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self) -> None:
        from kith.assessments import events  # noqa: F401  (registers this area's chronology events)
