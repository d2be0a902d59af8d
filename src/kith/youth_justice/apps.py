from django.apps import AppConfig


class YouthJusticeConfig(AppConfig):
    name = "kith.youth_justice"
    label = "youth_justice"
    verbose_name = "Youth justice"
