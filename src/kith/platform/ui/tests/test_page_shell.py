"""The base page and the service context processor: what every page carries."""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from kith.platform.ui.context_processors import service


@pytest.fixture(autouse=True)
def _urls_without_the_real_apps(settings):
    settings.ROOT_URLCONF = "kith.platform.ui.tests.urls"
    settings.KITH_SESSION_IDLE = timedelta(minutes=30)
    settings.KITH_SESSION_WARNING = timedelta(minutes=2)


def a_request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def a_practitioner(role="social_worker"):
    return SimpleNamespace(
        is_authenticated=True,
        is_anonymous=False,
        username="spatel",
        staff_member=SimpleNamespace(full_name="Sam Patel", role=role, is_active=True),
    )


def test_the_service_context_gives_the_name_and_session_timer():
    # when
    context = service(a_request(AnonymousUser()))

    # then
    assert context == {
        "service_name": "Kith",
        "session_idle_seconds": 1800,
        "session_warning_seconds": 120,
        "area_navigation": [],
    }


def test_a_signed_in_page_has_the_timer_navigation_and_warning():
    # given
    request = a_request(a_practitioner("team_manager"))

    # when
    html = render_to_string("ui/base.html", request=request)

    # then
    assert '<html lang="en" class="govuk-template">' in html
    assert 'data-session-idle-seconds="1800"' in html
    assert 'data-session-warning-seconds="120"' in html
    assert 'data-session-keepalive-url="/access/keepalive/"' in html
    assert 'data-sign-out-url="/access/sign_out/"' in html
    assert '<a href="/" class="govuk-generic-header__homepage-link">Kith</a>' in html
    assert '<span class="govuk-visually-hidden">Signed in as </span>Sam Patel' in html
    assert '<a class="govuk-service-navigation__link" href="/workforce/team_caseload/">Team caseload</a>' in html
    assert "You will be signed out soon to protect children's records" in html
    assert "<strong data-kith-session-countdown>2 minutes</strong>" in html
    assert '<script type="module" src="/static/kith.js"></script>' in html


def test_the_team_caseload_link_needs_the_capability():
    # given
    request = a_request(a_practitioner("social_worker"))

    # when
    html = render_to_string("ui/base.html", request=request)

    # then
    assert '<a class="govuk-service-navigation__link" href="/ui/home/">My caseload</a>' in html
    assert '<a class="govuk-service-navigation__link" href="/people/search/">Search</a>' in html
    assert "Team caseload" not in html


def test_a_signed_out_page_has_no_timer_navigation_or_warning():
    # given
    request = a_request(AnonymousUser())

    # when
    html = render_to_string("ui/base.html", request=request)

    # then
    assert "data-session-idle-seconds" not in html
    assert "govuk-service-navigation" not in html
    assert "<dialog" not in html
    assert "Sign out" not in html


def test_the_page_has_no_inline_script_or_style_for_the_csp():
    # given
    request = a_request(a_practitioner("team_manager"))

    # when
    html = render_to_string("ui/base.html", request=request)

    # then
    assert " style=" not in html
    assert "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []


def test_no_gov_uk_crown_or_typeface():
    # given
    request = a_request(a_practitioner())

    # when
    html = render_to_string("ui/base.html", request=request)

    # then
    assert "govuk-header__logotype" not in html
    assert "crown" not in html.lower()
    assert "GDS Transport" not in html
