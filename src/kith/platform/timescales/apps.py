from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "kith.platform.timescales"
    label = "timescales"
    verbose_name = "Timescales"

    def ready(self) -> None:
        from kith.platform.timescales import registry

        registry.load_declarations()
