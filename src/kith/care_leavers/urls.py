from django.urls import path

from kith.care_leavers import views

app_name = "care_leavers"

urlpatterns = [
    path("<int:pk>/", views.young_person, name="young_person"),
    path("<int:pk>/start/", views.start_support, name="start_support"),
    path("<int:pk>/needs-assessment/", views.needs_assessment, name="needs_assessment"),
    path("<int:pk>/personal-adviser/", views.allocate_adviser, name="allocate_adviser"),
    path("<int:pk>/pathway-plan/", views.agree_plan, name="agree_plan"),
    path("<int:pk>/contacts/new/", views.new_contact, name="new_contact"),
    path("<int:pk>/accommodation/new/", views.new_accommodation, name="new_accommodation"),
    path("<int:pk>/birthdays/new/", views.new_birthday_contact, name="new_birthday_contact"),
    path("<int:pk>/after-21/", views.support_after_21, name="support_after_21"),
    path("<int:pk>/entitlements/explained/", views.entitlement_explained, name="entitlement_explained"),
    path("<int:pk>/entitlements/taken-up/", views.entitlement_taken_up, name="entitlement_taken_up"),
    path("<int:pk>/handover/", views.handover, name="handover"),
    path("<int:pk>/parent/", views.new_parenthood, name="new_parenthood"),
    path("pathway-plans/<int:pk>/change-request/", views.change_request, name="change_request"),
    path("pathway-plans/<int:pk>/review/", views.review_plan, name="review_plan"),
    path("pathway-plans/<int:pk>/copy-given/", views.copy_given, name="copy_given"),
]
