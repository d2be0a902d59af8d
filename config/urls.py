"""Kith's URLs: one include per area."""

from django.contrib import admin
from django.urls import include, path

from kith.platform.health import health
from kith.workforce import views as workforce_views

home = ([path("", workforce_views.my_caseload, name="home")], "ui")

urlpatterns = [
    path("", include(home)),
    path("", include("kith.platform.access.urls")),
    path("people/", include("kith.people.urls")),
    path("workforce/", include("kith.workforce.urls")),
    path("quality/", include("kith.quality.urls")),
    path("api/", include("kith.api.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]
