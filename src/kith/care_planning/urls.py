from django.urls import path

from kith.care_planning import views

app_name = "care_planning"

urlpatterns = [
    path("care/<int:pk>/new/", views.agree, name="agree"),
    path("care/<int:pk>/permanence-meeting/", views.permanence_meeting, name="permanence_meeting"),
    path("<int:pk>/", views.care_plan, name="care_plan"),
    path("<int:pk>/copy-given/", views.copy_given, name="copy_given"),
    path("<int:pk>/for-the-child.pdf", views.child_copy_pdf, name="child_copy_pdf"),
]
