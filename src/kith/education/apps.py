from django.apps import AppConfig


class EducationConfig(AppConfig):
    name = "kith.education"
    label = "education"
    verbose_name = "Education of children in care (virtual school)"
