from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "kith.health"
    label = "health"
    verbose_name = "Health of children in care"
