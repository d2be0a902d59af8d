from django.urls import path

from kith.workforce import views

app_name = "workforce"

urlpatterns = [
    path("team-caseload/", views.team_caseload, name="team_caseload"),
    path("children/<int:pk>/allocate/", views.allocate, name="allocate"),
]
