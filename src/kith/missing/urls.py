from django.urls import path

from kith.missing import views

app_name = "missing"

urlpatterns = [
    path("child/<int:pk>/", views.history, name="history"),
    path("child/<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/", views.episode, name="episode"),
    path("<int:pk>/return/", views.record_return, name="record_return"),
    path("<int:pk>/interview/", views.record_interview, name="record_interview"),
    path("<int:pk>/safe-and-well/", views.safe_and_well, name="safe_and_well"),
    path("<int:pk>/social-worker-meeting/", views.worker_meeting, name="worker_meeting"),
]
