"""A URLconf with just the names the base template links to, so it renders without the real apps."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


def _names(app_name: str, *names: str) -> tuple[list, str]:
    return [path(f"{name}/", _page, name=name) for name in names], app_name


urlpatterns = [
    path("ui/", include(_names("ui", "home"))),
    path("people/", include(_names("people", "search", "break_glass_report"))),
    path("workforce/", include(_names("workforce", "team_caseload", "my_work", "team_work"))),
    path("access/", include(_names("access", "sign_out", "keepalive", "timed_out"))),
]
