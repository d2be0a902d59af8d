from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "kith.platform.drafts"
    label = "drafts"
    verbose_name = "Drafts"
