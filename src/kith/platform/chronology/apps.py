from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "kith.platform.chronology"
    label = "chronology"
    verbose_name = "Chronology"
