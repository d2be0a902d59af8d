from django.urls import path

from kith.missing import views

app_name = "missing"

urlpatterns = [
    path("child/<int:pk>/", views.history, name="history"),
    path("child/<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/", views.episode, name="episode"),
    path("<int:pk>/return/", views.record_return, name="record_return"),
    path("<int:pk>/interview/", views.record_interview, name="record_interview"),
]
