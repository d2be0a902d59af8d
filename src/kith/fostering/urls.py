from django.urls import path

from kith.fostering import views

app_name = "fostering"

urlpatterns = [
    path("", views.service, name="service"),
    path("new/", views.new_enquiry, name="new_enquiry"),
    path("<int:pk>/", views.household, name="household"),
    path("<int:pk>/assessment/", views.assessment, name="assessment"),
    path("<int:pk>/temporary-approval/", views.temporary_approval, name="temporary_approval"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/training/", views.training, name="training"),
    path("<int:pk>/end/", views.end, name="end"),
    path("placements/<int:pk>/household/", views.link_placement, name="link_placement"),
]
