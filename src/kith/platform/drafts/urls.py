from django.urls import path

from kith.platform.drafts import views

app_name = "drafts"

urlpatterns = [
    path("<str:form_key>/", views.save, name="save"),
]
