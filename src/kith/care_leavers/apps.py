from django.apps import AppConfig


class CareLeaversConfig(AppConfig):
    name = "kith.care_leavers"
    label = "care_leavers"
    verbose_name = "Care leavers"
