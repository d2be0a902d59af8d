"""Kith's URLs: one include per area."""

from django.contrib import admin
from django.urls import include, path

from kith.platform.health import health
from kith.workforce import views as workforce_views

home = ([path("", workforce_views.my_caseload, name="home")], "ui")

urlpatterns = [
    path("", include(home)),
    path("", include("kith.platform.access.urls")),
    path("drafts/", include("kith.platform.drafts.urls")),
    path("people/", include("kith.people.urls")),
    path("workforce/", include("kith.workforce.urls")),
    path("quality/", include("kith.quality.urls")),
    path("front-door/", include("kith.front_door.urls")),
    path("assessments/", include("kith.assessments.urls")),
    path("plans/", include("kith.plans.urls")),
    path("visits/", include("kith.visits.urls")),
    path("child-in-need/", include("kith.child_in_need.urls")),
    path("child-protection/", include("kith.child_protection.urls")),
    path("legal/", include("kith.legal.urls")),
    path("registers/", include("kith.registers.urls")),
    path("lado/", include("kith.lado.urls")),
    path("inspection/", include("kith.inspection.urls")),
    path("returns/", include("kith.returns.urls")),
    path("children-in-care/care-plans/", include("kith.care_planning.urls")),
    path("children-in-care/reviews/", include("kith.care_reviews.urls")),
    path("children-in-care/health/", include("kith.health.urls")),
    path("children-in-care/education/", include("kith.education.urls")),
    path("children-in-care/", include("kith.children_in_care.urls")),
    path("missing/", include("kith.missing.urls")),
    path("youth-justice/", include("kith.youth_justice.urls")),
    path("uasc/", include("kith.uasc.urls")),
    path("adoption/", include("kith.adoption.urls")),
    path("fostering/", include("kith.fostering.urls")),
    path("care-leavers/", include("kith.care_leavers.urls")),
    path("api/", include("kith.api.urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]
