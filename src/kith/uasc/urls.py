from django.urls import URLPattern

app_name = "uasc"

urlpatterns: list[URLPattern] = []
