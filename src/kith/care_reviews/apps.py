from django.apps import AppConfig


class CareReviewsConfig(AppConfig):
    name = "kith.care_reviews"
    label = "care_reviews"
    verbose_name = "Reviews of children in care and the IRO"
