from django.urls import path

from kith.returns import views

app_name = "returns"

urlpatterns = [
    path("", views.index, name="index"),
    path("runs/<int:pk>/", views.run_page, name="run"),
    path("runs/<int:pk>/validate/", views.validate, name="validate"),
    path("runs/<int:pk>/download/", views.download, name="download"),
    path("data-quality/", views.data_quality, name="data_quality"),
]
