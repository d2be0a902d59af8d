from django.apps import AppConfig


class UascConfig(AppConfig):
    name = "kith.uasc"
    label = "uasc"
    verbose_name = "Unaccompanied asylum-seeking children"
