from django.urls import path

from kith.plans import views

app_name = "plans"

urlpatterns = [
    path("<slug:kind>/<int:pk>/objectives/", views.objectives, name="objectives"),
    path("<slug:kind>/<int:pk>/objectives/new/", views.add_objective, name="add_objective"),
    path("objectives/<int:pk>/withdraw/", views.withdraw_objective, name="withdraw_objective"),
]
