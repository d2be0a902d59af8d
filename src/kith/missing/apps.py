from django.apps import AppConfig


class MissingConfig(AppConfig):
    name = "kith.missing"
    label = "missing"
    verbose_name = "Missing episodes and exploitation"
