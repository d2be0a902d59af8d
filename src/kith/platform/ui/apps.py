from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "kith.platform.ui"
    label = "ui"
    verbose_name = "Interface"
