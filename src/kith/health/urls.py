from django.urls import path

from kith.health import views

app_name = "health"

urlpatterns = [
    path("care/<int:pk>/assessments/new/", views.new_assessment, name="new_assessment"),
    path("care/<int:pk>/dental/", views.new_dental_check, name="new_dental_check"),
    path("care/<int:pk>/immunisations/", views.new_immunisations, name="new_immunisations"),
    path("care/<int:pk>/sdq/", views.new_sdq, name="new_sdq"),
    path("care/<int:pk>/pregnancy/", views.new_pregnancy, name="new_pregnancy"),
    path("assessments/<int:pk>/", views.assessment, name="assessment"),
    path("assessments/<int:pk>/quality/", views.quality_check, name="quality_check"),
    path("assessments/<int:pk>/scrutiny/", views.scrutiny, name="scrutiny"),
    path("pregnancies/<int:pk>/outcome/", views.pregnancy_outcome, name="pregnancy_outcome"),
    path("young-person/<int:pk>/passport.pdf", views.passport_pdf, name="passport_pdf"),
    path("young-person/<int:pk>/passport-given/", views.passport_given, name="passport_given"),
]
