from django.urls import path

from kith.child_in_need import views

app_name = "child_in_need"

urlpatterns = [
    path("children/<int:pk>/plans/new/", views.start_plan, name="start_plan"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/reviews/new/", views.review_plan, name="review_plan"),
    path("plans/<int:pk>/end/", views.end_plan, name="end_plan"),
    path("plans/<int:pk>/shared-with-family/", views.record_shared, name="record_shared"),
    path("plans/<int:pk>/family-copy/", views.family_plan, name="family_plan"),
    path("plans/<int:pk>/family-copy.pdf", views.family_plan_pdf, name="family_plan_pdf"),
]
