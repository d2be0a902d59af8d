from django.urls import path

from kith.child_protection import views

app_name = "child_protection"

urlpatterns = [
    path("children/<int:pk>/initial-conference/new/", views.new_initial_conference, name="new_initial_conference"),
    path("conferences/<int:pk>/", views.conference, name="conference"),
    path("conferences/<int:pk>/feedback/", views.chair_feedback, name="chair_feedback"),
    path("conferences/<int:pk>/follow-up/", views.feedback_follow_up, name="feedback_follow_up"),
    path("plans/<int:pk>/", views.plan, name="plan"),
    path("plans/<int:pk>/for-the-family/", views.family_plan, name="family_plan"),
    path("plans/<int:pk>/for-the-family.pdf", views.family_plan_pdf, name="family_plan_pdf"),
    path("plans/<int:pk>/review-conference/new/", views.new_review_conference, name="new_review_conference"),
    path("plans/<int:pk>/core-groups/new/", views.new_core_group, name="new_core_group"),
    path("plans/<int:pk>/end/", views.end_plan_page, name="end_plan"),
    path("plans/<int:pk>/shared-with-family/", views.plan_shared, name="plan_shared"),
    path("core-groups/<int:pk>/", views.core_group, name="core_group"),
]
