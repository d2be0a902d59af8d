from django.urls import path

from kith.children_in_care import views

app_name = "children_in_care"

urlpatterns = [
    path("children/<int:pk>/", views.care_history, name="care_history"),
    path("children/<int:pk>/enter-care/", views.enter_care, name="enter_care"),
    path("periods/<int:pk>/move/", views.move, name="move"),
    path("periods/<int:pk>/legal-status/", views.legal_status, name="legal_status"),
    path("periods/<int:pk>/end/", views.end_care, name="end_care"),
    path("placements/<int:pk>/placement-plan/", views.placement_plan, name="placement_plan"),
    path("placements/<int:pk>/notifications/", views.notify, name="notify"),
]
