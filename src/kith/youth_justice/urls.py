from django.urls import URLPattern

app_name = "youth_justice"

urlpatterns: list[URLPattern] = []
