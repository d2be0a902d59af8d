from django.urls import path

from kith.lado import views

app_name = "lado"

urlpatterns = [
    path("", views.allegation_list, name="allegations"),
    path("allegations/new/", views.record_allegation, name="record_allegation"),
    path("allegations/<int:pk>/", views.allegation_detail, name="allegation"),
    path("allegations/<int:pk>/decisions/new/", views.record_decision, name="record_decision"),
    path("allegations/<int:pk>/close/", views.close_allegation, name="close_allegation"),
]
