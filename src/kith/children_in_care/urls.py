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
    path("placements/<int:pk>/at-risk/", views.flag_at_risk, name="flag_at_risk"),
    path("placements/<int:pk>/disruption-meeting/", views.disruption_meeting, name="disruption_meeting"),
    path("placements/<int:pk>/distance-plan/", views.distance_plan, name="distance_plan"),
    path("placements/<int:pk>/unregistered-check/", views.unregistered_check, name="unregistered_check"),
    path("at-risk/", views.at_risk_list, name="at_risk_list"),
    path("tracking/", views.tracking_actions, name="tracking_actions"),
    path("tracking/new/", views.tracking_meeting, name="tracking_meeting"),
    path("tracking/actions/<int:pk>/done/", views.tracking_action_done, name="tracking_action_done"),
    path("at-risk/<int:pk>/lift/", views.lift_risk, name="lift_risk"),
    path("children/<int:pk>/placed-here-by-another-council/", views.inbound, name="inbound"),
]
