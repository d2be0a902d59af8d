from django.urls import path

app_name = "care_reviews"

urlpatterns: list = []
