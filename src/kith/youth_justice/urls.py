from django.urls import path

app_name = "youth_justice"

urlpatterns: list = []
