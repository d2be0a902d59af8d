from django.urls import path

app_name = "uasc"

urlpatterns: list = []
