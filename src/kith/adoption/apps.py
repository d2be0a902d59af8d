from django.apps import AppConfig


class AdoptionConfig(AppConfig):
    name = "kith.adoption"
    label = "adoption"
    verbose_name = "Permanence orders and adoption"
