from django.urls import path

from kith.adoption import views

app_name = "adoption"

urlpatterns = [
    path("care/<int:pk>/decision/", views.new_decision, name="new_decision"),
    path("care/<int:pk>/reviews/new/", views.new_review, name="new_review"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/authority/", views.authority, name="authority"),
    path("<int:pk>/match/", views.match, name="match"),
    path("<int:pk>/placed/", views.placed, name="placed"),
    path("<int:pk>/ceased/", views.ceased, name="ceased"),
    path("<int:pk>/order/", views.adoption_order, name="adoption_order"),
]
