from django.urls import path

from kith.registers import views

app_name = "registers"

urlpatterns = [
    path("private-fostering/", views.private_fostering_list, name="private_fostering"),
    path("<slug:slug>/", views.register_list, name="register"),
    path("children/<int:pk>/", views.child_registers, name="child"),
    path("children/<int:pk>/private-fostering/new/", views.notify, name="notify"),
    path("children/<int:pk>/entries/new/", views.add_to_register, name="add_to_register"),
    path("private-fostering/<int:pk>/checks/new/", views.record_check, name="record_check"),
    path("private-fostering/<int:pk>/assessment/", views.complete_assessment, name="complete_assessment"),
    path("private-fostering/<int:pk>/visits/new/", views.record_visit, name="record_visit"),
    path("private-fostering/<int:pk>/oversight/new/", views.record_oversight, name="record_oversight"),
    path("private-fostering/<int:pk>/end/", views.end_arrangement, name="end_arrangement"),
    path("entries/<int:pk>/checks/new/", views.record_register_check, name="record_register_check"),
    path("entries/<int:pk>/remove/", views.remove_from_register, name="remove_from_register"),
]
