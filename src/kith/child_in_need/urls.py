from django.urls import path  # noqa: F401

app_name = "child_in_need"

urlpatterns: list = []
