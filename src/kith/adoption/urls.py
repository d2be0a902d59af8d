from django.urls import path

app_name = "adoption"

urlpatterns: list = []
