from django.urls import path

from kith.uasc import views

app_name = "uasc"

urlpatterns = [
    path("child/<int:pk>/new/", views.new, name="new"),
    path("<int:pk>/age-assessment/", views.age_assessment, name="age_assessment"),
    path("<int:pk>/immigration-status/", views.immigration_status, name="immigration_status"),
    path("<int:pk>/ceased/", views.ceased, name="ceased"),
]
