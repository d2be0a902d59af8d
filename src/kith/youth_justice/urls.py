from django.urls import path

from kith.youth_justice import views

app_name = "youth_justice"

urlpatterns = [
    path("child/<int:pk>/", views.record, name="record"),
    path("child/<int:pk>/open/", views.open_involvement, name="open_involvement"),
    path("<int:pk>/outcome/", views.record_outcome, name="record_outcome"),
    path("<int:pk>/close/", views.close_involvement, name="close_involvement"),
    path("<int:pk>/joint-supervision/", views.joint_supervision, name="joint_supervision"),
    path("<int:pk>/custody/", views.start_custody, name="start_custody"),
    path("custody/<int:pk>/visit/", views.custody_visit, name="custody_visit"),
    path("custody/<int:pk>/release-plan/", views.release_plan, name="release_plan"),
    path("custody/<int:pk>/end/", views.end_custody, name="end_custody"),
]
