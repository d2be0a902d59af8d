from django.urls import path

from kith.workforce import views

app_name = "workforce"

urlpatterns = [
    path("team-caseload/", views.team_caseload, name="team_caseload"),
    path("my-work/", views.my_work, name="my_work"),
    path("team-work/", views.team_work, name="team_work"),
    path("children/<int:pk>/allocate/", views.allocate, name="allocate"),
]
