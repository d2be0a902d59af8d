from django.urls import path

from kith.education import views

app_name = "education"

urlpatterns = [
    path("care/<int:pk>/school/", views.new_school, name="new_school"),
    path("care/<int:pk>/pep/start/", views.start_pep, name="start_pep"),
    path("care/<int:pk>/exclusions/new/", views.new_exclusion, name="new_exclusion"),
    path("care/<int:pk>/attendance/new/", views.new_attendance, name="new_attendance"),
    path("pep/<int:pk>/", views.pep, name="pep"),
    path("pep/<int:pk>/meetings/new/", views.new_pep_meeting, name="new_pep_meeting"),
    path("pep-meetings/<int:pk>/quality/", views.rate_pep, name="rate_pep"),
    path("care-leaver/<int:pk>/eet-review/", views.new_eet_review, name="new_eet_review"),
]
