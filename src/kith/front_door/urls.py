from django.urls import path

from kith.front_door import views

app_name = "front_door"

urlpatterns = [
    path("", views.home, name="home"),
    path("contacts/new/", views.new_contact, name="new_contact"),
    path("children/<int:pk>/contacts/new/", views.new_contact, name="new_contact_for_child"),
    path("contacts/<int:pk>/", views.contact, name="contact"),
    path("contacts/<int:pk>/screening/", views.screen, name="screen"),
    path("contacts/<int:pk>/consent/", views.sign_off_consent, name="sign_off_consent"),
    path("contacts/<int:pk>/decision/", views.decide, name="decide"),
    path("contacts/<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path(
        "contacts/<int:pk>/disagreements/new/",
        views.new_disagreement,
        {"about": "contact"},
        name="new_disagreement_on_contact",
    ),
    path("referrals/<int:pk>/", views.referral, name="referral"),
    path("referrals/<int:pk>/close/", views.close_referral, name="close_referral"),
    path(
        "referrals/<int:pk>/disagreements/new/",
        views.new_disagreement,
        {"about": "referral"},
        name="new_disagreement_on_referral",
    ),
    path("children/<int:pk>/referrals/new/", views.new_referral, name="new_referral"),
    path("disagreements/<int:pk>/", views.disagreement, name="disagreement"),
    path("disagreements/<int:pk>/escalate/", views.escalate, name="escalate"),
    path("disagreements/<int:pk>/resolve/", views.resolve, name="resolve"),
    path("police-protection/", views.police_protections, name="police_protections"),
    path("police-protection/<int:pk>/", views.police_protection, name="police_protection"),
    path("police-protection/<int:pk>/end/", views.end_police_protection, name="end_police_protection"),
    path("children/<int:pk>/police-protection/new/", views.new_police_protection, name="new_police_protection"),
    path("out-of-hours/new/", views.new_out_of_hours_call, name="new_out_of_hours_call"),
    path("out-of-hours/handovers/", views.handovers, name="handovers"),
    path("out-of-hours/<int:pk>/", views.out_of_hours, name="out_of_hours"),
    path("out-of-hours/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("early-help/", views.early_help, name="early_help"),
    path("early-help/<int:pk>/", views.early_help_assessment, name="early_help_assessment"),
    path("early-help/<int:pk>/audit/", views.audit, name="audit"),
    path("children/<int:pk>/early-help/new/", views.new_early_help_assessment, name="new_early_help_assessment"),
]
