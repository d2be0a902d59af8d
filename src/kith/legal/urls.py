from django.urls import path

from kith.legal import views

app_name = "legal"

urlpatterns = [
    path("pre-proceedings/", views.tracker, name="tracker"),
    path("children/<int:pk>/", views.child_legal, name="child"),
    path("children/<int:pk>/pre-proceedings/new/", views.enter_pre_proceedings, name="enter_pre_proceedings"),
    path("children/<int:pk>/applications/new/", views.make_application, name="make_application"),
    path("pre-proceedings/<int:pk>/letter/", views.send_letter, name="send_letter"),
    path("pre-proceedings/<int:pk>/meetings/new/", views.record_meeting, name="record_meeting"),
    path("pre-proceedings/<int:pk>/family-group/", views.record_family_meeting, name="record_family_meeting"),
    path("pre-proceedings/<int:pk>/end/", views.end_pre_proceedings, name="end_pre_proceedings"),
    path("applications/<int:pk>/hearings/new/", views.record_hearing, name="record_hearing"),
    path("applications/<int:pk>/conclude/", views.conclude_proceedings, name="conclude_proceedings"),
]
