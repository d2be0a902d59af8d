from django.urls import path

from kith.care_reviews import views

app_name = "care_reviews"

urlpatterns = [
    path("care/<int:pk>/reviews/new/", views.new_review, name="new_review"),
    path("care/<int:pk>/iro/", views.allocate_iro, name="allocate_iro"),
    path("care/<int:pk>/iro-contact/", views.new_contact, name="new_contact"),
    path("care/<int:pk>/challenges/new/", views.new_challenge, name="new_challenge"),
    path("care/<int:pk>/support-offers/new/", views.new_support_offer, name="new_support_offer"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("decisions/<int:pk>/done/", views.decision_done, name="decision_done"),
    path("challenges/<int:pk>/escalate/", views.escalate_challenge, name="escalate_challenge"),
    path("challenges/<int:pk>/resolve/", views.resolve_challenge, name="resolve_challenge"),
]
