from django.urls import path

from kith.quality import views

app_name = "quality"

urlpatterns = [
    path("children/<int:pk>/management-decisions/new/", views.record_decision, name="record_decision"),
]
