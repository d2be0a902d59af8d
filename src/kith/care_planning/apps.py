from django.apps import AppConfig


class CarePlanningConfig(AppConfig):
    name = "kith.care_planning"
    label = "care_planning"
    verbose_name = "Care plans and permanence planning"
