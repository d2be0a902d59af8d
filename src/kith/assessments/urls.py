from django.urls import path

from kith.assessments import views

app_name = "assessments"

urlpatterns = [
    path("children/<int:pk>/", views.child_assessments, name="child"),
    path("children/<int:pk>/new/", views.start, name="start_assessment"),
    path("children/<int:pk>/strategy-discussions/new/", views.record_discussion, name="record_strategy_discussion"),
    path("<int:pk>/", views.assessment, name="assessment"),
    path("<int:pk>/sections/<slug:slug>/", views.section, name="section"),
    path("<int:pk>/complete/", views.complete, name="complete_assessment"),
    path("<int:pk>/authorise/", views.authorise, name="authorise_assessment"),
    path("strategy-discussions/<int:pk>/", views.discussion, name="strategy_discussion"),
    path("strategy-discussions/<int:pk>/section-47/new/", views.start_enquiry, name="start_section_47"),
    path("section-47/<int:pk>/", views.enquiry, name="section_47"),
    path("section-47/<int:pk>/complete/", views.complete_enquiry, name="complete_section_47"),
]
