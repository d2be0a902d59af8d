from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "kith.synthetic"
    label = "synthetic"
    verbose_name = "Synthetic data"
