from django.apps import AppConfig


class FosteringConfig(AppConfig):
    name = "kith.fostering"
    label = "fostering"
    verbose_name = "Fostering households"
