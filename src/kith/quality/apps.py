from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "kith.quality"
    label = "quality"
    verbose_name = "Quality"

    def ready(self) -> None:
        from kith.quality import events
