from django.urls import path

app_name = "fostering"

urlpatterns: list = []
