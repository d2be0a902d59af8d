from django.urls import path

from kith.health import views

app_name = "health"

urlpatterns = [
    path("care/<int:pk>/assessments/new/", views.new_assessment, name="new_assessment"),
    path("care/<int:pk>/dental/", views.new_dental_check, name="new_dental_check"),
    path("care/<int:pk>/immunisations/", views.new_immunisations, name="new_immunisations"),
    path("care/<int:pk>/sdq/", views.new_sdq, name="new_sdq"),
    path("assessments/<int:pk>/", views.assessment, name="assessment"),
]
