from django.urls import path

from kith.visits import views

app_name = "visits"

urlpatterns = [
    path("children/<int:pk>/", views.child_visits, name="child_visits"),
    path("children/<int:pk>/new/", views.record_visit, name="record_visit"),
    path("<int:pk>/", views.visit, name="visit"),
]
