from django.urls import path

app_name = "missing"

urlpatterns: list = []
